import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTenant, Tenant, TEST_PASSWORD } from '@linli/identity/testing';
import { startTestApi, type TestApi } from '../support/test-api';
import { launchChromium } from './support/chromium';
import { describeInBrowser } from './support/describe-in-browser';

jest.setTimeout(120_000);

const COOKIE = 'linli_refresh';

/**
 * The little of the page's DOM these tests touch (the root tsconfig has no DOM types); cast inside
 * each `page.evaluate` callback, which runs in the page and sees none of this file.
 */
interface PageDocument {
  cookie: string;
}

/**
 * The refresh cookie as a real browser keeps it (issue 12, browser sessions): the page cannot read
 * it, the browser sends it to the session endpoints by itself, rotation replaces it, a replayed one
 * ends the session, and another site's page gets nowhere (SameSite=Strict and the origin check).
 * The API alone, no web app: any page of its origin will do (/health).
 */
describeInBrowser('the browser-session cookie in Chromium', () => {
  let api: TestApi;
  let base: string;
  let port: number;
  let browser: Browser;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startTestApi({ config: { LOGIN_LIMIT_PER_ACCOUNT: '1000', LOG_LEVEL: 'error' } });
    tenant = await createTenant(api.em());
    const server = await api.app.listen(0, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** A tab on the API's own origin, signed in as the volunteer through fetch, as the web app does. */
  async function signedInTab(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/health`);
    const status = await page.evaluate(
      async (body) =>
        (
          await fetch('/api/v1/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
        ).status,
      JSON.stringify({ login: tenant.accounts.volunteer.email, password: TEST_PASSWORD }),
    );
    expect(status).toBe(200);
    return { context, page };
  }

  const refreshIn = (page: Page) =>
    page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/refresh', { method: 'POST' });
      return { status: response.status, body: await response.json() };
    });

  const storedCookie = async (context: BrowserContext) =>
    (await context.cookies()).find((cookie) => cookie.name === COOKIE);

  it('keeps the cookie out of scripts, sends it to refresh by itself, and rotates it', async () => {
    const { context, page } = await signedInTab();
    const first = await storedCookie(context);
    expect(first).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth', secure: false });
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.cookie),
    ).not.toContain(COOKIE);

    const renewed = await refreshIn(page);
    expect(renewed).toMatchObject({ status: 200, body: { tokenType: 'Bearer' } });
    const second = await storedCookie(context);
    expect(second?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second?.value).not.toBe(first?.value);
    await context.close();
  });

  it('a replayed refresh token ends the session, and the browser drops the cookie', async () => {
    const { context, page } = await signedInTab();
    const stolen = (await storedCookie(context))!;
    expect((await refreshIn(page)).status).toBe(200);
    // Someone who copied the first cookie uses it after the rightful browser did.
    const thief = await browser.newContext();
    await thief.addCookies([stolen]);
    const thiefPage = await thief.newPage();
    await thiefPage.goto(`${base}/health`);
    expect(await refreshIn(thiefPage)).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_REUSED' } });
    expect(await storedCookie(thief)).toBeUndefined();
    // The rightful browser's newest token is dead too: the whole session ended.
    expect(await refreshIn(page)).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
    await thief.close();
    await context.close();
  });

  it('another site’s page cannot sign the person out: no cookie sent, and 403 ORIGIN_NOT_ALLOWED', async () => {
    const { context, page } = await signedInTab();
    // A page of another site whose form posts to our logout (what a CSRF attack does).
    await context.route('http://evil.example/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${base}/api/v1/auth/logout"></form>
               <script>document.forms[0].submit()</script>`,
      }),
    );
    const attacker = await context.newPage();
    const sent = attacker.waitForRequest(`${base}/api/v1/auth/logout`);
    await attacker.goto('http://evil.example/');
    const headers = await (await sent).allHeaders();
    expect(headers.origin).toBe('http://evil.example');
    expect(headers.cookie ?? '').not.toContain(COOKIE);
    await attacker.waitForURL(`${base}/api/v1/auth/logout`);
    expect(await attacker.textContent('body')).toContain('ORIGIN_NOT_ALLOWED');
    expect((await refreshIn(page)).status).toBe(200);
    await context.close();
  });
});
