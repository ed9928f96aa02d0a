import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@linli/identity';
import { application } from '../../../config/contexts';
import { startTestApi, type TestApi } from '../../support/test-api';
import { launchChromium } from './chromium';
import { buildWebApp } from './web-build';
import type { PageGlobals } from './page-globals';

export const SCREENSHOTS = join(__dirname, '..', 'screenshots');

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;
export type WebLanguage = 'zh-CN' | 'en';

/**
 * The real API with the demo community 城南社区 (its fortnight of shifts from today), listening
 * on a free loopback port and serving the web app built from the current sources, plus Chromium.
 */
export interface BrowserApp {
  api: TestApi;
  baseUrl: string;
  browser: Browser;
  /** A browser tab as a phone or a desktop, in a zone other than the community's (so times must be converted). */
  newPage(viewport: ViewportName, language?: WebLanguage): Promise<{ context: BrowserContext; page: Page }>;
  /** A bearer header for an API call made beside the browser (an organiser arranging, another phone). */
  bearer(login: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  const webApp = await buildWebApp();
  const api = await startTestApi({
    webApp,
    config: { LOGIN_LIMIT_PER_ACCOUNT: '1000', LOGIN_LIMIT_PER_ADDRESS: '10000', LOG_LEVEL: 'error' },
  });
  for (const seed of application.demoSeeds) await api.app.get(seed).execute();
  const server = await api.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    api,
    baseUrl,
    browser,
    async newPage(viewport, language = 'zh-CN') {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: VIEWPORTS[viewport],
        deviceScaleFactor: 1,
        isMobile: viewport === 'phone',
        hasTouch: viewport === 'phone',
        locale: language,
        timezoneId: 'America/New_York',
      });
      // The language switch remembers its choice in localStorage; start each tab with one.
      await context.addInitScript((chosen) => {
        const { localStorage } = globalThis as unknown as PageGlobals;
        if (!localStorage.getItem('linli.language')) localStorage.setItem('linli.language', chosen);
      }, language);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return { context, page };
    },
    async bearer(login, password = DEMO_PASSWORD) {
      const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      if (response.status !== 200)
        throw new Error(`login ${login}: ${response.status} ${await response.text()}`);
      return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
    },
    async close() {
      await browser.close();
      await api.close();
    },
  };
}

/** A call to the running API as someone, answering the parsed body (throws on an unexpected status). */
export async function call<T = any>(
  app: BrowserApp,
  bearer: string,
  method: string,
  path: string,
  body?: unknown,
  expected = [200, 201],
): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { authorization: bearer, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export const DEMO = DEMO_LOGINS;

/** Signs in through the login page (the way a volunteer does) and waits for the open shifts. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input#login').fill(login);
  await page.locator('input#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // What the screen shows (390×844 or 1440×900); a long list would otherwise be a metre-long image.
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
