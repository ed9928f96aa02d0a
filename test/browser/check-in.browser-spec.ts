import { describeInBrowser } from './support/describe-in-browser';
import {
  call,
  screenshot,
  startBrowserApp,
  type BrowserApp,
  type ViewportName,
  type WebLanguage,
} from './support/browser-app';
import { seriousAxeViolations } from './support/axe';
import { createShift, createVolunteer, organiserBearer } from './support/scenario';

jest.setTimeout(180_000);

/**
 * Check-in through the QR code on site: the code's URL (as the API builds it for the organiser's
 * screen) opens the web app's /checkin, which signs the volunteer in if needed and checks in.
 */
describeInBrowser('check-in through the QR URL', () => {
  let app: BrowserApp;
  let organiser: string;
  let volunteer: { personId: string; email: string; password: string };
  let shiftId: string;
  let checkInUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    organiser = await organiserBearer(app);
    volunteer = await createVolunteer(app, organiser, '刘洋');
    // Check-in opens an hour before the start.
    const start = new Date(Date.now() + 30 * 60_000);
    shiftId = (
      await createShift(app, organiser, {
        title: '城南市集 · 义诊',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      })
    ).id;
    const bearer = await app.bearer(volunteer.email, volunteer.password);
    await call(app, bearer, 'POST', `/api/v1/shifts/${shiftId}/claims`, {});
    checkInUrl = (
      await call<{ url: string }>(app, organiser, 'GET', `/api/v1/shifts/${shiftId}/check-in-code`)
    ).url;
  });
  afterAll(() => app?.close());

  it('signs in first, refuses a wrong code in words, then checks in with the right one', async () => {
    const url = new URL(checkInUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${app.baseUrl}/checkin`);
    const { page } = await app.newPage('phone', 'zh-CN');

    // A stale QR code (yesterday's) on a phone that is not signed in.
    const wrong = new URL(checkInUrl);
    wrong.searchParams.set('code', '000000');
    await page.goto(wrong.toString());
    await page.waitForURL('**/login?next=*');
    await page.getByText('请先登录，登录后会自动为您签到。').waitFor();
    await page.locator('input#login').fill(volunteer.email);
    await page.locator('input#password').fill(volunteer.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/checkin?*');
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain(
      '签到码不对。签到码每天更换，请扫描现场今天的二维码。',
    );

    // Today's code.
    await page.goto(checkInUrl);
    await page.getByText('签到成功').waitFor();
    await page.getByText('城南市集 · 义诊').waitFor();
    await screenshot(page, 'journey-checkin-phone-zh-CN');
    const claims = await call<{ items: { checkedInAt: string | null }[] }>(
      app,
      organiser,
      'GET',
      `/api/v1/claims?shiftId=${shiftId}`,
    );
    expect(claims.items).toHaveLength(1);
    expect(claims.items[0].checkedInAt).not.toBeNull();
  });

  it('shows the checked-in page in both languages on a phone and a desktop, without serious accessibility problems', async () => {
    const problems: Record<string, string[]> = {};
    for (const viewport of ['phone', 'desktop'] as ViewportName[]) {
      for (const language of ['zh-CN', 'en'] as WebLanguage[]) {
        const { page, context } = await app.newPage(viewport, language);
        await page.goto(checkInUrl);
        await page.locator('input#login').fill(volunteer.email);
        await page.locator('input#password').fill(volunteer.password);
        await page.locator('button[type=submit]').click();
        // Checking in again answers the first check-in.
        await page.getByText(language === 'zh-CN' ? '签到成功' : 'You are checked in').waitFor();
        await screenshot(page, `page-checkin-${viewport}-${language}`);
        problems[`checkin ${viewport} ${language}`] = await seriousAxeViolations(page);
        await context.close();
      }
    }
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((key) => [key, []])));
  });

  it('explains an incomplete link', async () => {
    const { page } = await app.newPage('phone', 'en');
    await page.goto('/checkin?shift=not-a-shift');
    await page.getByText('This check-in link is incomplete: scan the QR code on site again.').waitFor();
  });
});
