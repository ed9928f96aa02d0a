import { describeInBrowser } from './support/describe-in-browser';
import { DEMO, signIn, startBrowserApp, type BrowserApp } from './support/browser-app';
import type { PageGlobals } from './support/page-globals';

jest.setTimeout(180_000);

/**
 * The web app's side of browser sessions (apps/web/src/api/session.ts): the access token lives in
 * the tab; the refresh cookie the API sets at sign-in restores a sign-in in a new tab and renews
 * an expired token; signing out ends it for every tab.
 */
describeInBrowser('browser sessions in the web app', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(() => app?.close());

  it('a new tab is signed in from the cookie; an expired token is renewed; signing out ends both', async () => {
    const { context, page } = await app.newPage('phone', 'zh-CN');
    await signIn(page, DEMO.volunteer.email);
    await page.getByRole('heading', { level: 1, name: '可认领的班次' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'linli_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });

    // A second tab has no token of its own (sessionStorage is per tab): the cookie signs it in.
    const second = await context.newPage();
    await second.goto('/my-shifts');
    await second.getByRole('heading', { level: 1, name: '我的班次' }).waitFor();
    expect(second.url()).toMatch(/\/my-shifts$/);

    // The first tab's token "expires": its next request renews it from the cookie first.
    await page.evaluate(() => {
      const { sessionStorage } = globalThis as unknown as PageGlobals;
      const stored = JSON.parse(sessionStorage.getItem('linli.session')!);
      sessionStorage.setItem('linli.session', JSON.stringify({ ...stored, expiresAt: Date.now() - 1000 }));
    });
    const before = await page.evaluate(
      () =>
        JSON.parse((globalThis as unknown as PageGlobals).sessionStorage.getItem('linli.session')!)
          .accessToken,
    );
    const renewed = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200,
    );
    await page.goto('/hours');
    await renewed;
    await page.getByRole('heading', { level: 1, name: '我的服务时长' }).waitFor();
    const after = await page.evaluate(
      () =>
        JSON.parse((globalThis as unknown as PageGlobals).sessionStorage.getItem('linli.session')!)
          .accessToken,
    );
    expect(after).not.toBe(before);

    // Signing out ends the cookie's session: a new tab asks to sign in.
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL((url) => url.pathname === '/login' && url.search === '');
    const third = await context.newPage();
    await third.goto('/shifts');
    await third.waitForURL('**/login?next=*');
    await third.getByRole('heading', { level: 1, name: '登录' }).waitFor();
  });
});
