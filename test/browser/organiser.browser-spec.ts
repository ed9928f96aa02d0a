import type { Page } from 'playwright-core';
import { mondayOf, addDays } from '../../apps/web/src/pages/organiser/week';
import { describeInBrowser } from './support/describe-in-browser';
import { seriousAxeViolations } from './support/axe';
import { DEMO, call, screenshot, signIn, startBrowserApp, type BrowserApp } from './support/browser-app';
import { communityDay, createShift, createVolunteer, organiserBearer } from './support/scenario';
import type { PageGlobals } from './support/page-globals';

jest.setTimeout(300_000);

/**
 * Issue 12's organiser journey on a desktop: the organiser plans next week from a series, opens
 * the board, finds the shifts still missing people by name, and adds a volunteer found by search;
 * a second placement that would overlap is refused in words about that person. Screenshots and
 * axe of the board, the shift's panel and the print view, in Chinese and English.
 */
describeInBrowser('the organiser plans the week', () => {
  let app: BrowserApp;
  const problems: Record<string, string[]> = {};
  const monday = mondayOf(communityDay(7));
  const wednesday = addDays(monday, 2);
  const titles = {
    series: '城南市集 · 摊位引导',
    full: '锦江苑小区 · 垃圾分类宣传',
    overlapping: '翡翠龙湾小区 · 书记面对面',
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const organiser = await organiserBearer(app);
    await createVolunteer(app, organiser, '陈静');
    const taken = await createVolunteer(app, organiser, '赵磊');
    // One shift already full (not to be listed as missing people) …
    const full = await createShift(app, organiser, {
      title: titles.full,
      startsAt: `${wednesday}T14:00:00+08:00`,
      endsAt: `${wednesday}T16:00:00+08:00`,
      capacity: 1,
      locationText: '翡翠龙湾小区东门',
    });
    await call(app, organiser, 'POST', `/api/v1/shifts/${full.id}/claims`, { personId: taken.personId });
    // … and one at the same time as Wednesday's market morning, elsewhere.
    await createShift(app, organiser, {
      title: titles.overlapping,
      startsAt: `${wednesday}T09:00:00+08:00`,
      endsAt: `${wednesday}T10:00:00+08:00`,
      capacity: 2,
      locationText: '翡翠龙湾小区东门',
    });
  });
  afterAll(() => app?.close());

  async function check(page: Page, key: string): Promise<void> {
    await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
    await screenshot(page, `organiser-${key}`);
    problems[key] = await seriousAxeViolations(page);
  }

  const toFill = (page: Page) => page.locator('section', { has: page.locator('#to-fill') });
  const panel = (page: Page) => page.getByRole('dialog');

  it('opens the board, finds the unfilled shifts by name and adds a person found by search', async () => {
    const { page, context } = await app.newPage('desktop', 'zh-CN');
    await signIn(page, DEMO.organiser.email);
    // An organiser lands on the board, with the organiser's tabs instead of the volunteer's.
    await page.waitForURL('**/organiser/rota');
    await page.getByRole('heading', { level: 1, name: '本周排班' }).waitFor();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '排班表' }).waitFor();
    const tabs = await nav.getByRole('link').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['排班表', '重复班次', '打印']));
    expect(tabs).not.toContain('可认领');

    // Next week's market mornings, planned as one series in the editor, its dates previewed live.
    await nav.getByRole('link', { name: '重复班次' }).click();
    await page.getByRole('heading', { level: 1, name: '重复班次' }).waitFor();
    await page.getByLabel('班次名称').fill(titles.series);
    await page.getByLabel('地点').fill('城南社区党群服务中心前广场');
    await page.getByLabel('第一次的日期').fill(monday);
    await page.getByLabel('开始时间').fill('08:30');
    await page.getByLabel('时长（分钟）').fill('120');
    await page.getByLabel('每次需要几人').fill('3');
    await page.getByLabel('共几次').fill('5');
    await page.getByLabel('遇到法定节假日').selectOption('ignore');
    // A lunar-yearly rule is labelled with its lunar dates …
    await page.getByLabel('重复方式').selectOption('lunar-yearly');
    await page.locator('.series-preview .tag', { hasText: '农历' }).first().waitFor();
    // … the daily one lists the five mornings.
    await page.getByLabel('重复方式').selectOption('daily');
    await page.locator('.series-preview').getByText('共 5 次：').waitFor();
    expect(await page.locator('.series-preview ol > li').count()).toBe(5);
    await check(page, 'series-desktop-zh-CN');
    await page.getByRole('button', { name: '保存并生成班次' }).click();
    // Saved, the board opens on the series' week.
    await page.waitForURL(`**/organiser/rota?from=${monday}`);
    await toFill(page).getByRole('button', { name: titles.series }).first().waitFor();
    await check(page, 'rota-desktop-zh-CN');
    await page.locator('.rota-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'organiser-rota-board-desktop-zh-CN');

    // Missing people: the five market mornings and the overlapping one, not the full shift.
    const missing = await toFill(page).getByRole('button').allTextContents();
    expect(missing.filter((title) => title === titles.series)).toHaveLength(5);
    expect(missing).toContain(titles.overlapping);
    expect(missing).not.toContain(titles.full);
    // On the board the full shift says so in words, not only in colour.
    const fullCard = page.locator('.rota-card', { hasText: titles.full });
    await expect(fullCard.innerText()).resolves.toContain('已满');
    await expect(fullCard.innerText()).resolves.toContain('已排 1/1');

    // Wednesday's market morning: add 陈静, found by her name.
    await page.locator('td .rota-card', { hasText: titles.series }).nth(2).click();
    await panel(page).getByRole('heading', { name: '在岗人员' }).waitFor();
    await panel(page).getByLabel('按姓名或电话查找').fill('陈静');
    await panel(page)
      .getByRole('button', { name: `添加陈静到${titles.series}` })
      .click();
    await page.getByText('已把陈静加入这个班次').waitFor();
    await panel(page).locator('.person-row', { hasText: '陈静' }).getByText('已确认').waitFor();
    await panel(page).getByText('已排 1/3').waitFor();
    await check(page, 'rota-shift-desktop-zh-CN');
    // One more person from Wednesday on: this and the following dates of the series, not Monday's.
    await panel(page).getByRole('radio', { name: '这一次及以后各次' }).check();
    await panel(page).getByLabel('每次需要几人').fill('4');
    await panel(page).getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已修改 3 个班次，相关志愿者会收到通知').waitFor();
    await panel(page).getByText('已排 1/4').waitFor();
    const seriesCards = page.locator('td .rota-card', { hasText: titles.series });
    // Waits for the board's refetch (innerText would read the cards once).
    await seriesCards.nth(0).filter({ hasText: '已排 0/3' }).waitFor();
    await seriesCards.nth(4).filter({ hasText: '已排 0/4' }).waitFor();
    await page.keyboard.press('Escape');

    // The overlapping shift refuses her, saying why about her, not "you".
    await toFill(page).getByRole('button', { name: titles.overlapping }).click();
    await panel(page).getByLabel('按姓名或电话查找').fill('陈静');
    await panel(page)
      .getByRole('button', { name: `添加陈静到${titles.overlapping}` })
      .click();
    await panel(page)
      .getByRole('alert')
      .getByText('此人在这个时段已有另一个班次，不能同时在两处。')
      .waitFor();
    await check(page, 'rota-refusal-desktop-zh-CN');
    await page.keyboard.press('Escape');

    // The print view of the same week: names on the sheet, and what is still needed.
    await page.getByRole('link', { name: '打印本周' }).click();
    await page.waitForURL(`**/organiser/print?from=${monday}`);
    const sheet = page.locator('.print-sheet');
    await sheet.getByText('陈静').waitFor();
    await expect(sheet.innerText()).resolves.toContain('还缺 2 人，欢迎报名');
    await check(page, 'print-desktop-zh-CN');
    // Printed, only the sheet is on the page: no header, tabs or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.shell-header').isVisible()).toBe(false);
    expect(await page.locator('.shell-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await screenshot(page, 'organiser-print-media-desktop-zh-CN');
    await context.close();
  });

  it('shows the board and the print view in English, and on a phone', async () => {
    for (const [viewport, language] of [
      ['desktop', 'en'],
      ['phone', 'zh-CN'],
      ['phone', 'en'],
    ] as const) {
      const { page, context } = await app.newPage(viewport, language);
      await signIn(page, DEMO.organiser.email);
      await page.goto(`/organiser/rota?from=${monday}`);
      await page
        .getByRole('heading', { level: 1, name: language === 'en' ? 'This week’s rota' : '本周排班' })
        .waitFor();
      await toFill(page).getByRole('button', { name: titles.series }).first().waitFor();
      await check(page, `rota-${viewport}-${language}`);
      await page.goto(`/organiser/print?from=${monday}`);
      await page.locator('.print-table').waitFor();
      await check(page, `print-${viewport}-${language}`);
      await context.close();
    }
  });

  it('keeps a volunteer on the volunteer tabs and out of the organiser pages', async () => {
    const { page, context } = await app.newPage('phone', 'zh-CN');
    await signIn(page, DEMO.volunteer.email);
    await page.waitForURL('**/shifts');
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link').allTextContents()).not.toContain('排班表');
    await page.goto('/organiser/rota');
    await page.getByText('这一页只有社区组织者可以使用。').waitFor();
    await context.close();
  });

  it('finds no serious or critical accessibility problem on any organiser page', () => {
    expect(Object.keys(problems)).toHaveLength(5 + 6);
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((key) => [key, []])));
  });
});
