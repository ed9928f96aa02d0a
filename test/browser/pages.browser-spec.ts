import type { Page } from 'playwright-core';
import { describeInBrowser } from './support/describe-in-browser';
import { seriousAxeViolations } from './support/axe';
import {
  DEMO,
  call,
  screenshot,
  signIn,
  startBrowserApp,
  type BrowserApp,
  type ViewportName,
  type WebLanguage,
} from './support/browser-app';
import { organiserBearer } from './support/scenario';
import type { PageGlobals } from './support/page-globals';

jest.setTimeout(300_000);

const VIEWPORT_NAMES: ViewportName[] = ['phone', 'desktop'];
const LANGUAGES: WebLanguage[] = ['zh-CN', 'en'];

/** What each signed-in page shows once it has loaded (its heading), per language. */
const PAGES: {
  name: string;
  path: string;
  heading: Record<WebLanguage, string>;
  ready?: (page: Page) => Promise<void>;
}[] = [
  {
    name: 'shifts',
    path: '/shifts',
    heading: { 'zh-CN': '可认领的班次', en: 'Shifts you can take' },
    ready: (page) => page.locator('article').first().waitFor(),
  },
  {
    name: 'my-shifts',
    path: '/my-shifts',
    heading: { 'zh-CN': '我的班次', en: 'My shifts' },
    ready: (page) => page.locator('article h3').first().waitFor(),
  },
  {
    name: 'calendar',
    path: '/calendar',
    heading: { 'zh-CN': '订阅我的日历', en: 'Subscribe to my calendar' },
  },
  {
    name: 'reminders',
    path: '/reminders',
    heading: { 'zh-CN': '提醒设置', en: 'Reminders' },
    ready: (page) => page.getByRole('checkbox').first().waitFor(),
  },
  {
    name: 'hours',
    path: '/hours',
    heading: { 'zh-CN': '我的服务时长', en: 'My service hours' },
    ready: (page) => page.locator('.stat-value').first().waitFor(),
  },
];

/**
 * Every page of the volunteer's web app at 390×844 and 1440×900, in Chinese and English: a
 * screenshot each (test/browser/screenshots, kept out of git) and axe-core with no serious or
 * critical violation. Signed in as the demo volunteer 王芳, whose fortnight has claims.
 */
describeInBrowser('every page, phone and desktop, Chinese and English', () => {
  let app: BrowserApp;
  const problems: Record<string, string[]> = {};

  beforeAll(async () => {
    app = await startBrowserApp();
    // Some service hours on record, so the hours page has numbers to show.
    const organiser = await organiserBearer(app);
    const volunteer = await app.bearer(DEMO.volunteer.email);
    const me = await call<{ person: { id: string } }>(app, volunteer, 'GET', '/api/v1/me');
    await call(app, organiser, 'POST', `/api/v1/people/${me.person.id}/hours-adjustments`, {
      minutes: 150,
      reason: '11月重阳节活动 · 补登',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
  });
  afterAll(() => app?.close());

  async function check(page: Page, key: string): Promise<void> {
    await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
    await screenshot(page, `page-${key}`);
    problems[key] = await seriousAxeViolations(page);
  }

  it.each(VIEWPORT_NAMES)('signed out on a %s: the login page and an unknown address', async (viewport) => {
    for (const language of LANGUAGES) {
      const { page, context } = await app.newPage(viewport, language);
      await page.goto('/login');
      await page
        .getByRole('heading', { level: 1, name: language === 'zh-CN' ? '登录' : 'Sign in' })
        .waitFor();
      await check(page, `login-${viewport}-${language}`);
      await page.goto('/no-such-page');
      await page.getByText(language === 'zh-CN' ? '页面不存在' : 'Page not found').waitFor();
      await check(page, `not-found-${viewport}-${language}`);
      await context.close();
    }
  });

  it.each(VIEWPORT_NAMES)('signed in on a %s: every volunteer page in both languages', async (viewport) => {
    const { page, context } = await app.newPage(viewport, 'zh-CN');
    await signIn(page, DEMO.volunteer.email);
    for (const language of LANGUAGES) {
      // The switch in the header, as a volunteer would use it (remembered for the next visit).
      const current = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).localStorage.getItem('linli.language'),
      );
      if (current !== language) {
        await page
          .getByRole('button', { name: language === 'en' ? 'Switch to English' : '切换到中文' })
          .click();
      }
      for (const target of PAGES) {
        await page.goto(target.path);
        await page.getByRole('heading', { level: 1, name: target.heading[language] }).waitFor();
        await target.ready?.(page);
        await check(page, `${target.name}-${viewport}-${language}`);
      }
      // The calendar page once its link exists: the QR code, the links and the help.
      await page.goto('/calendar');
      await page.getByRole('button', { name: language === 'zh-CN' ? /生成|再生成/ : /Create/ }).click();
      await page
        .getByRole('img', { name: language === 'zh-CN' ? '日历订阅二维码' : 'QR code of your calendar link' })
        .waitFor();
      await check(page, `calendar-qr-${viewport}-${language}`);
    }
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).localStorage.getItem('linli.language'),
      ),
    ).toBe('en');
    await context.close();
  });

  it('finds no serious or critical accessibility problem on any page', () => {
    expect(Object.keys(problems).length).toBe(2 * 2 * 2 + 2 * 2 * (PAGES.length + 1));
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((key) => [key, []])));
  });
});
