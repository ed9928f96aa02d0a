import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { MailOutbox } from '@linli/platform';
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

/** A roster as 城南社区's office keeps it: a title row above the header, Excel's phone numbers. */
async function writeRoster(path: string, people: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('志愿者名册');
  sheet.addRow(['城南社区志愿者名册（2026年12月）']);
  sheet.addRow(['姓名', '手机号', '所属小区', '所属组织', '技能']);
  for (const row of people) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
  return path;
}

const PAGES: { name: string; path: string; heading: Record<WebLanguage, string> }[] = [
  { name: 'people', path: '/admin/people', heading: { 'zh-CN': '人员', en: 'People' } },
  { name: 'organisations', path: '/admin/organisations', heading: { 'zh-CN': '组织', en: 'Organisations' } },
  { name: 'estates', path: '/admin/estates', heading: { 'zh-CN': '小区', en: 'Estates' } },
  {
    name: 'import',
    path: '/admin/import',
    heading: { 'zh-CN': '导入志愿者名册', en: 'Import the volunteer roster' },
  },
  { name: 'hours', path: '/admin/hours', heading: { 'zh-CN': '服务时长报表', en: 'Service hours report' } },
  { name: 'outbox', path: '/admin/outbox', heading: { 'zh-CN': '发件箱', en: 'Outbox' } },
];
/** Pages whose table always has rows in the demo community (the others may be empty). */
const WITH_ROWS = new Set(['people', 'organisations', 'estates', 'hours']);

/**
 * Issue 12's directory pages for the organiser: the roster import from Excel (a bad row and a
 * duplicate phone are shown and block the import, all or nothing; the corrected file imports),
 * and every admin page at 390×844 and 1440×900 in Chinese and English with axe.
 */
describeInBrowser('the organiser keeps the directory and imports the roster', () => {
  let app: BrowserApp;
  let files: string;
  let badRoster: string;
  let goodRoster: string;
  const problems: Record<string, string[]> = {};

  beforeAll(async () => {
    app = await startBrowserApp();
    // Hours on record this month, so the report has a row to show and to download.
    const organiser = await organiserBearer(app);
    const volunteer = await app.bearer(DEMO.volunteer.email);
    const me = await call<{ person: { id: string }; community: { id: string } }>(
      app,
      volunteer,
      'GET',
      '/api/v1/me',
    );
    // A mail the server refused for good, as the dispatcher leaves it (reminders' outbox).
    const em = app.api.em();
    em.create(MailOutbox, {
      communityId: me.community.id,
      kind: 'shift_reminder',
      recipientEmail: 'wang.fang@chengnan.test',
      language: 'zh-CN',
      subject: '明天 09:00 城南市集 · 摊位引导',
      textBody: '提醒',
      dedupeKey: `browser-${randomUUID()}`,
      status: 'failed',
      attempts: 5,
      availableAt: new Date(Date.now() - 3_600_000),
      lastError: '550 5.1.1 mailbox unavailable',
      essential: false,
      createdAt: new Date(Date.now() - 3_600_000),
    });
    await em.flush();
    await call(app, organiser, 'POST', `/api/v1/people/${me.person.id}/hours-adjustments`, {
      minutes: 150,
      reason: '重阳节活动 · 补登',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    });
    files = mkdtempSync(join(tmpdir(), 'linli-roster-'));
    badRoster = await writeRoster(join(files, '志愿者名册-有错.xlsx'), [
      ['赵敏', 13800138001, '翡翠龙湾小区', '凤鸣志愿者协会', '理发、缝补'],
      ['', 13800138002, '锦江苑', '', ''],
      ['孙丽', 13800138001, '城南花园小区', '', '摄影'],
    ]);
    goodRoster = await writeRoster(join(files, '志愿者名册.xlsx'), [
      ['赵敏', 13800138001, '翡翠龙湾小区', '凤鸣志愿者协会', '理发、缝补'],
      ['钱伟', 13800138002, '锦江苑', '', ''],
    ]);
  });
  afterAll(async () => {
    await app?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  async function check(page: Page, key: string): Promise<void> {
    await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
    await screenshot(page, `admin-${key}`);
    problems[key] = await seriousAxeViolations(page);
  }

  const upload = (page: Page, path: string) => page.locator('input[type=file]').setInputFiles(path);

  it('shows a bad row and a duplicate, refuses to import any, then imports the corrected file', async () => {
    const { page, context } = await app.newPage('desktop', 'zh-CN');
    await signIn(page, DEMO.organiser.email);
    await page.goto('/admin/import');
    await page.getByRole('heading', { level: 1, name: '导入志愿者名册' }).waitFor();
    await upload(page, badRoster);

    await page.getByText('共 3 人，1 行可以导入，2 行有错误').waitFor();
    const rows = page.locator('.ant-table-tbody tr.roster-row-invalid');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).innerText()).resolves.toContain('缺少姓名');
    await expect(rows.nth(1).innerText()).resolves.toContain('手机号与第 3 行重复');
    // "锦江苑" finds 锦江苑小区: the row's only problem is the missing name.
    await expect(rows.nth(0).innerText()).resolves.not.toContain('没有叫');
    // All or nothing: the good row alone cannot be imported.
    await expect(page.getByRole('button', { name: '导入 3 人' }).isDisabled()).resolves.toBe(true);
    await check(page, 'journey-errors-desktop-zh-CN');

    await page.getByRole('button', { name: '换一个文件' }).click();
    await upload(page, goodRoster);
    await page.getByText('每一行都可以导入。').waitFor();
    await page.getByRole('button', { name: '导入 2 人' }).click();
    await page.getByText('已导入 2 人。').waitFor();
    await check(page, 'journey-done-desktop-zh-CN');

    await page.getByRole('link', { name: '查看人员' }).click();
    await page.getByRole('heading', { level: 1, name: '人员' }).waitFor();
    const people = page.locator('tr.ant-table-row');
    await people.nth(1).waitFor(); // the whole directory first, then the search narrows it
    await page.getByPlaceholder('按姓名或手机号搜索').fill('13800138001');
    await page.keyboard.press('Enter');
    // The list from before the search stays on screen until the answer: wait for one row left.
    await people.nth(1).waitFor({ state: 'detached' });
    const found = page.locator('tr.ant-table-row', { hasText: '赵敏' });
    await expect(found.innerText()).resolves.toMatch(/翡翠龙湾小区[\s\S]*理发、缝补/);

    // The same file once more: everyone in it is recorded now, so nobody is imported twice.
    await page.goto('/admin/import');
    await upload(page, goodRoster);
    await page.getByText('共 2 人，0 行可以导入，2 行有错误').waitFor();
    await expect(page.getByText('已有人员使用此手机号').count()).resolves.toBe(2);
    await context.close();
  });

  it('adds a person and edits their phone', async () => {
    const { page, context } = await app.newPage('desktop', 'en');
    await signIn(page, DEMO.organiser.email);
    await page.goto('/admin/people');
    await page.getByRole('button', { name: 'Add a person' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('周阿姨');
    await dialog.getByLabel('Phone').fill('13800138009');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByPlaceholder('Search by name or phone').fill('周阿姨');
    await page.keyboard.press('Enter');
    await page.locator('tr.ant-table-row', { hasText: '13800138009' }).waitFor();
    await page.getByRole('button', { name: 'Edit 周阿姨' }).click();
    await page.getByRole('dialog').getByLabel('Phone').fill('13800138010');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.locator('tr.ant-table-row', { hasText: '13800138010' }).waitFor();
    await context.close();
  });

  it('downloads the hours report as Excel with the Chinese headers offices file away', async () => {
    const { page, context } = await app.newPage('desktop', 'zh-CN');
    await signIn(page, DEMO.organiser.email);
    await page.goto('/admin/hours');
    await page.getByRole('heading', { level: 1, name: '服务时长报表' }).waitFor();
    await page.locator('.ant-segmented').getByText('今年', { exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^志愿服务时长_.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).text).toBe('姓名');
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(1).text);
    expect(rows).toContain(DEMO.volunteer.name);
    await context.close();
  });

  it('shows why a mail failed and sends it again', async () => {
    const { page, context } = await app.newPage('desktop', 'zh-CN');
    await signIn(page, DEMO.organiser.email);
    await page.goto('/admin/outbox');
    await page.locator('.ant-segmented').getByText('失败', { exact: true }).click();
    const row = page.locator('tr.ant-table-row', { hasText: '明天 09:00 城南市集' });
    await row.filter({ hasText: '已尝试 5 次' }).waitFor();
    await expect(row.innerText()).resolves.toMatch(
      /失败[\s\S]*550 5\.1\.1 mailbox unavailable · 已尝试 5 次/,
    );
    await row.getByRole('button', { name: /重发/ }).click();
    await page.getByText('已重新排队发送').waitFor();
    await page.locator('.ant-segmented').getByText('全部', { exact: true }).click();
    // Waits (innerText would read once, maybe the list from before the refetch).
    await page
      .locator('tr.ant-table-row', { hasText: '明天 09:00 城南市集' })
      .filter({ hasText: '待发送' })
      .waitFor();
    await context.close();
  });

  const VIEWPORTS: ViewportName[] = ['phone', 'desktop'];
  const LANGUAGES: WebLanguage[] = ['zh-CN', 'en'];
  it.each(VIEWPORTS)('shows every admin page on a %s in both languages', async (viewport) => {
    for (const language of LANGUAGES) {
      const { page, context } = await app.newPage(viewport, language);
      await signIn(page, DEMO.organiser.email);
      for (const target of PAGES) {
        await page.goto(target.path);
        await page.getByRole('heading', { level: 1, name: target.heading[language], exact: true }).waitFor();
        if (WITH_ROWS.has(target.name)) await page.locator('tr.ant-table-row').first().waitFor();
        else if (target.name !== 'import') await page.locator('.ant-table').first().waitFor();
        // No spinner left in the picture: the table has its rows or its empty text.
        await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
        await check(page, `${target.name}-${viewport}-${language}`);
      }
      await page.goto('/admin/import');
      await upload(page, badRoster);
      await page.locator('tr.roster-row-invalid').first().waitFor();
      await check(page, `import-errors-${viewport}-${language}`);
      await context.close();
    }
  });

  it('finds no serious or critical accessibility problem on any admin page', () => {
    expect(Object.keys(problems).length).toBe(2 + 2 * 2 * (PAGES.length + 1));
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((key) => [key, []])));
  });
});
