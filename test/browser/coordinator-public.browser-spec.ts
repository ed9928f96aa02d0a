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
import { createShift, createVolunteer, organiserBearer } from './support/scenario';
import type { PageGlobals } from './support/page-globals';

jest.setTimeout(300_000);

const VIEWPORT_NAMES: ViewportName[] = ['phone', 'desktop'];
const LANGUAGES: WebLanguage[] = ['zh-CN', 'en'];
const HOUR = 3600_000;
const BLOCK_TITLE = '城南市集 · 修鞋（凤鸣志愿者协会）';
const MEMBER_NAME = '赵敏';

interface Reservation {
  id: string;
  assigned: number;
  places: number;
  releaseAt: string;
  shiftId: string;
}

/**
 * H9's pages in Chromium: the coordinator (demo login 张伟, 凤鸣志愿者协会) assigns a member to a
 * block and sees them on it; the residents' pages without signing in; the organiser's check-in
 * kiosk, which shows the new code when it changes. Every page at 390×844 and 1440×900 in both
 * languages, screenshotted and run through axe-core.
 */
describeInBrowser('coordinator, resident and kiosk pages', () => {
  let app: BrowserApp;
  let organiser: string;
  let coordinator: string;
  let organisationId: string;
  let block: Reservation;
  let kioskShiftId: string;
  let estate: { id: string; name: string };
  const problems: Record<string, string[]> = {};

  beforeAll(async () => {
    app = await startBrowserApp();
    organiser = await organiserBearer(app);
    coordinator = await app.bearer(DEMO.coordinator.email);
    const me = await call<{ organisation: { id: string } }>(app, coordinator, 'GET', '/api/v1/me');
    organisationId = me.organisation.id;
    // A new member with nothing else on (the demo members have claims that could overlap).
    const member = await createVolunteer(app, organiser, MEMBER_NAME);
    await call(app, organiser, 'POST', '/api/v1/memberships', {
      organisationId,
      personId: member.personId,
      role: 'member',
    });
    // Two and a half hours on record, for the organisation's hours page.
    await call(app, organiser, 'POST', `/api/v1/people/${member.personId}/hours-adjustments`, {
      minutes: 150,
      reason: '11月重阳节活动 · 补登',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    // A block starting in 26 hours: its release is at most that far away, so the warning shows.
    const start = new Date(Date.now() + 26 * HOUR);
    const shift = await createShift(app, organiser, {
      title: BLOCK_TITLE,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
    });
    block = await call<Reservation>(app, organiser, 'POST', `/api/v1/shifts/${shift.id}/reservations`, {
      organisationId,
      places: 3,
    });
    const kioskStart = new Date(Date.now() + 30 * 60_000);
    kioskShiftId = (
      await createShift(app, organiser, {
        title: '城南市集 · 义诊',
        startsAt: kioskStart.toISOString(),
        endsAt: new Date(kioskStart.getTime() + 2 * HOUR).toISOString(),
      })
    ).id;
    const estates = await call<{ items: { id: string; name: string }[] }>(
      app,
      organiser,
      'GET',
      '/api/v1/public/communities/chengnan/estates',
    );
    estate = estates.items.find((item) => item.name === '翡翠龙湾小区')!;
    const communities = await call<{ items: unknown[] }>(app, organiser, 'GET', '/api/v1/public/communities');
    expect(communities.items).toHaveLength(1);
  });
  afterAll(() => app?.close());

  async function check(page: Page, key: string): Promise<void> {
    await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
    await screenshot(page, `page-${key}`);
    problems[key] = await seriousAxeViolations(page);
  }

  it('a coordinator assigns a member to a block and sees them on it', async () => {
    const { page, context } = await app.newPage('desktop', 'zh-CN');
    await signIn(page, DEMO.coordinator.email);
    // `/` opens a coordinator's first tab: the organisation's places.
    await page.waitForURL('**/coordinator/blocks');
    await page.getByRole('heading', { level: 1, name: '我们组织的预留名额' }).waitFor();
    const card = page.locator('article', { has: page.getByRole('heading', { name: BLOCK_TITLE }) });
    await card.getByText('已分配 0 / 3 人').waitFor();
    expect(Date.parse(block.releaseAt) - Date.now()).toBeLessThan(48 * HOUR);
    await card
      .getByRole('alert')
      .getByText(/请尽快分配：3 个名额将在 .+ 释放回公开认领。/)
      .waitFor();
    await card.getByText('还没有成员。').waitFor();

    await card.getByLabel('分配成员').selectOption({ label: MEMBER_NAME });
    await card.getByRole('button', { name: '分配' }).click();
    await page.getByText(`已把${MEMBER_NAME}分配到“${BLOCK_TITLE}”`).waitFor();
    await card.getByText('已分配 1 / 3 人').waitFor();
    await card.locator('.block-people').getByText(MEMBER_NAME).waitFor();
    // …and no longer offered for the same shift.
    expect(await card.getByLabel('分配成员').locator('option', { hasText: MEMBER_NAME }).count()).toBe(0);

    // The API agrees: one member on the block, on the organisation's place.
    const after = await call<{ items: Reservation[] }>(
      app,
      coordinator,
      'GET',
      `/api/v1/reservations?shiftId=${block.shiftId}`,
    );
    expect(after.items.map((r) => [r.id, r.assigned])).toEqual([[block.id, 1]]);

    // Holding fewer places: down to 2, the select then offers only 1 (the member assigned).
    await card.getByLabel('保留名额数').selectOption('2');
    await card.getByRole('button', { name: '减少名额' }).click();
    await card.getByText('已分配 1 / 2 人').waitFor();
    expect(
      await card
        .getByLabel('保留名额数')
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value)),
    ).toEqual(['', '1']);

    // Giving the places up asks first; the block then leaves the list, the member stays on the shift.
    await card.getByRole('button', { name: '取消预留' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '取消预留' }).click();
    await page.getByText(`已取消“${BLOCK_TITLE}”的预留`).waitFor();
    await card.waitFor({ state: 'detached' });
    const cancelled = await call<{ items: { status: string }[] }>(
      app,
      coordinator,
      'GET',
      `/api/v1/reservations?shiftId=${block.shiftId}&status=cancelled`,
    );
    expect(cancelled.items.map((r) => r.status)).toEqual(['cancelled']);
    await context.close();
  });

  it.each(VIEWPORT_NAMES)("a coordinator's pages on a %s in both languages", async (viewport) => {
    const { page, context } = await app.newPage(viewport, 'zh-CN');
    await signIn(page, DEMO.coordinator.email);
    for (const language of LANGUAGES) {
      await page.evaluate((chosen) => {
        (globalThis as unknown as PageGlobals).localStorage.setItem('linli.language', chosen);
      }, language);
      await page.goto('/coordinator/blocks');
      await page
        .getByRole('heading', {
          level: 1,
          name: language === 'zh-CN' ? '我们组织的预留名额' : "Our organisation's places",
        })
        .waitFor();
      await page.locator('article').first().waitFor();
      await check(page, `coordinator-blocks-${viewport}-${language}`);
      await page.goto('/coordinator/hours');
      await page
        .getByRole('heading', {
          level: 1,
          name: language === 'zh-CN' ? '我们组织的服务时长' : "Our organisation's service hours",
        })
        .waitFor();
      // The member's row: their name, no completed shift, 2.5 hours (the adjustment).
      const row = page.getByRole('row', { name: new RegExp(MEMBER_NAME) });
      expect(await row.getByRole('cell').allTextContents()).toEqual(['0', '2.5']);
      await check(page, `coordinator-hours-${viewport}-${language}`);
    }
    await context.close();
  });

  it.each(VIEWPORT_NAMES)("the residents' pages on a %s, without signing in", async (viewport) => {
    for (const language of LANGUAGES) {
      const { page, context } = await app.newPage(viewport, language);
      // The way in: the login page's link; with one community on the installation, straight to it.
      await page.goto('/login');
      await page
        .getByRole('link', {
          name:
            language === 'zh-CN'
              ? '不用登录，查看社区市集和服务车安排'
              : 'See the market and the service vehicle without signing in',
        })
        .click();
      await page.waitForURL('**/community/chengnan');
      await page.getByRole('heading', { level: 1, name: '城南社区' }).waitFor();
      // Read from the public market feed: no market sessions exist yet (issue 14), and the page
      // says so rather than failing or inventing any.
      await page
        .getByText(
          language === 'zh-CN'
            ? '接下来七天还没有公布的市集。'
            : 'No market dates announced for the next seven days.',
        )
        .waitFor();
      await page
        .getByRole('img', {
          name: language === 'zh-CN' ? '日历订阅二维码' : 'QR code of the calendar link',
        })
        .and(page.locator('canvas'))
        .waitFor();
      await check(page, `community-${viewport}-${language}`);

      await page.getByRole('link', { name: estate.name }).click();
      await page.getByRole('heading', { level: 1, name: estate.name }).waitFor();
      await page.waitForURL(`**/community/chengnan/estates/${estate.id}`);
      await page
        .getByText(language === 'zh-CN' ? /近期还没有安排服务车/ : /No service vehicle visit/)
        .waitFor();
      const webcal = await page
        .getByRole('link', { name: language === 'zh-CN' ? '在手机日历中打开' : 'Open in my calendar app' })
        .getAttribute('href');
      expect(webcal).toBe(
        `${app.baseUrl.replace('http:', 'webcal:')}/cal/public/chengnan/estates/${estate.id}/visits.ics`,
      );
      // The link a phone subscribes to answers a calendar, without a sign-in.
      const feed = await fetch(webcal!.replace('webcal:', 'http:'));
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
      await check(page, `estate-${viewport}-${language}`);
      await context.close();
    }
  });

  it('the kiosk shows the check-in QR large and the new code when it changes', async () => {
    const code = await call<{ code: string; url: string }>(
      app,
      organiser,
      'GET',
      `/api/v1/shifts/${kioskShiftId}/check-in-code`,
    );
    const { page, context } = await app.newPage('desktop', 'zh-CN');
    await page.clock.install();
    await signIn(page, DEMO.organiser.email);
    await page.goto(`/kiosk/${kioskShiftId}`);
    await page.getByRole('heading', { level: 1, name: '城南市集 · 义诊' }).waitFor();
    await page.getByRole('img', { name: '签到二维码' }).and(page.locator('canvas')).waitFor();
    const qr = page.locator('.kiosk-qr');
    expect(await qr.getAttribute('data-url')).toBe(code.url);
    expect(await page.getByTestId('kiosk-code').textContent()).toBe(code.code);
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(400);
    await check(page, 'kiosk-desktop-zh-CN');

    // The next day's code (the API's own rotation is per local day: stand in for midnight).
    const next = { code: '654321', url: code.url.replace(`code=${code.code}`, 'code=654321') };
    await page.route('**/check-in-code', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), ...next } });
    });
    await page.clock.runFor(61_000);
    await page.getByTestId('kiosk-code').getByText('654321').waitFor();
    expect(await qr.getAttribute('data-url')).toBe(next.url);
    await context.close();

    for (const [viewport, language] of [
      ['phone', 'zh-CN'],
      ['phone', 'en'],
      ['desktop', 'en'],
    ] as const) {
      const tab = await app.newPage(viewport, language);
      await signIn(tab.page, DEMO.organiser.email);
      await tab.page.goto(`/kiosk/${kioskShiftId}`);
      await tab.page.getByTestId('kiosk-code').getByText(code.code).waitFor();
      await check(tab.page, `kiosk-${viewport}-${language}`);
      await tab.context.close();
    }
  });

  it('finds no serious or critical accessibility problem on any page', () => {
    expect(Object.keys(problems).length).toBe(2 * 2 * 2 + 2 * 2 * 2 + 4);
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((key) => [key, []])));
  });
});
