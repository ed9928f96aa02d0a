import type { Page } from 'playwright-core';
import { describeInBrowser } from './support/describe-in-browser';
import { call, screenshot, signIn, startBrowserApp, type BrowserApp } from './support/browser-app';
import type { PageImage } from './support/page-globals';
import { communityDay, createShift, createVolunteer, organiserBearer } from './support/scenario';

jest.setTimeout(180_000);

/**
 * Issue 12's journey: a volunteer on a phone-sized screen takes a shift, is refused another for
 * an overlap with words they can read, subscribes to their calendar and sees its QR code.
 * The phone is set to New York time: the times shown must still be the community's.
 */
describeInBrowser('a volunteer on a phone', () => {
  let app: BrowserApp;
  let volunteer: { personId: string; email: string; password: string };
  const day = communityDay(3);
  const later = communityDay(5);
  const titles = {
    marshal: '城南夜市 · 秩序引导',
    sorting: '城南夜市 · 垃圾分类宣传',
    antiFraud: '翡翠龙湾小区 · 反诈宣传',
  };
  const ids: Record<keyof typeof titles, string> = { marshal: '', sorting: '', antiFraud: '' };

  beforeAll(async () => {
    app = await startBrowserApp();
    const organiser = await organiserBearer(app);
    volunteer = await createVolunteer(app, organiser, '陈静');
    ids.marshal = (
      await createShift(app, organiser, {
        title: titles.marshal,
        startsAt: `${day}T19:00:00+08:00`,
        endsAt: `${day}T20:30:00+08:00`,
      })
    ).id;
    ids.sorting = (
      await createShift(app, organiser, {
        title: titles.sorting,
        startsAt: `${day}T19:30:00+08:00`,
        endsAt: `${day}T21:00:00+08:00`,
      })
    ).id;
    ids.antiFraud = (
      await createShift(app, organiser, {
        title: titles.antiFraud,
        startsAt: `${later}T19:00:00+08:00`,
        endsAt: `${later}T20:30:00+08:00`,
        capacity: 1,
        locationText: '翡翠龙湾小区东门',
      })
    ).id;
  });
  afterAll(() => app?.close());

  const card = (page: Page, title: string) =>
    page.locator('article', { has: page.getByRole('heading', { name: title, exact: true }) });

  it('claims, is refused for an overlap in words, subscribes and sees the QR code', async () => {
    const { page } = await app.newPage('phone', 'zh-CN');
    await signIn(page, volunteer.email, volunteer.password);
    await page.waitForURL('**/shifts');
    await page.getByRole('heading', { level: 1, name: '可认领的班次' }).waitFor();

    // The community's wall clock, although the phone is in New York.
    await expect(card(page, titles.antiFraud).textContent()).resolves.toContain('19:00–20:30');
    await expect(card(page, titles.marshal).textContent()).resolves.toMatch(/\d+月\d+日 周. 19:00–20:30/);
    await screenshot(page, 'journey-phone-zh-CN-1-open-shifts');

    // A claim: the toast names the shift and the card leaves the list of shifts still to take.
    await card(page, titles.antiFraud).getByRole('button', { name: '认领' }).click();
    await page.getByText(`认领成功：${titles.antiFraud}`).waitFor();
    await card(page, titles.antiFraud).waitFor({ state: 'detached' });

    // Meanwhile, from another phone, the volunteer takes the evening marshal shift...
    const bearer = await app.bearer(volunteer.email, volunteer.password);
    await call(app, bearer, 'POST', `/api/v1/shifts/${ids.marshal}/claims`, {});

    // ...so this phone's list is out of date: the overlapping shift is refused, in words.
    const sorting = card(page, titles.sorting);
    await sorting.getByRole('button', { name: '认领' }).click();
    const refusal = sorting.getByRole('alert');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('未能认领');
    await expect(refusal.textContent()).resolves.toContain(
      '这个班次和您已认领的另一个班次时间重叠，不能同时参加。',
    );
    await screenshot(page, 'journey-phone-zh-CN-2-refused-overlap');
    const claims = await call<{ items: { shiftId: string; status: string }[] }>(
      app,
      bearer,
      'GET',
      `/api/v1/claims?personId=${volunteer.personId}`,
    );
    expect(claims.items.map((claim) => claim.shiftId).sort()).toEqual([ids.antiFraud, ids.marshal].sort());

    // My shifts lists both, with their titles.
    await page.getByRole('navigation').getByRole('link', { name: '我的班次' }).click();
    await card(page, titles.marshal).waitFor();
    await card(page, titles.antiFraud).waitFor();
    await screenshot(page, 'journey-phone-zh-CN-3-my-shifts');

    // Subscribe: one tap gives the QR code and the links a phone calendar opens.
    await page.getByRole('navigation').getByRole('link', { name: '日历订阅' }).click();
    await page.getByRole('button', { name: '生成我的日历链接' }).click();
    const qr = page.getByRole('img', { name: '日历订阅二维码' });
    await qr.waitFor();
    const image = await qr.evaluate((img) => {
      const loaded = img as unknown as PageImage;
      return { complete: loaded.complete, width: loaded.naturalWidth };
    });
    expect(image.complete && image.width > 100).toBe(true);
    const webcal = await page.getByRole('link', { name: '在本机日历中打开' }).getAttribute('href');
    expect(webcal).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/cal\/[\w-]+\.ics$/);
    await screenshot(page, 'journey-phone-zh-CN-4-calendar-qr');
    await page.getByRole('button', { name: '华为（日历）' }).click();
    await page.getByText('复制上方的 https 订阅地址。').first().waitFor();
    await screenshot(page, 'journey-phone-zh-CN-5-calendar-help');

    // The feed answers: the https twin of the webcal link is the volunteer's calendar.
    const feed = await fetch(webcal!.replace(/^webcal:/, 'http:'));
    expect(feed.status).toBe(200);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(titles.antiFraud);
  });
});
