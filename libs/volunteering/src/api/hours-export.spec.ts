import { contentDisposition, PERSON_COLUMNS, reportFileName, toCsv } from './hours-export';
import type { PersonHours } from '../application/attendance/hours-report.service';

const person = (overrides: Partial<PersonHours> = {}): PersonHours => ({
  personId: '00000000-0000-4000-8000-000000000001',
  name: '王秀英',
  phone: '13812345678',
  organisations: ['城南红十字会', '阳光社工站'],
  shiftsCompleted: 2,
  creditedMinutes: 150,
  adjustmentMinutes: 30,
  totalMinutes: 180,
  creditedHours: 2.5,
  adjustmentHours: 0.5,
  totalHours: 3,
  ...overrides,
});

describe('hours CSV', () => {
  it('starts with a BOM, has the Chinese headers and CRLF lines', () => {
    const csv = toCsv(PERSON_COLUMNS, [person()]);
    expect(
      csv.startsWith(
        '\uFEFF姓名,手机号,所属组织,服务次数,服务时长（小时）,调整时长（小时）,累计时长（小时）\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('王秀英,"\t13812345678",城南红十字会、阳光社工站,2,2.5,0.5,3');
  });

  it.each([
    ['a comma', '张,三', '"张,三"'],
    ['a quote', '老"王"', '"老""王"""'],
    ['a line break', '李\n四', '"李\n四"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
  ])('quotes or neutralises a name with %s', (_scenario, name, cell) => {
    const csv = toCsv(PERSON_COLUMNS, [person({ name, phone: null })]);
    expect(csv.slice(csv.indexOf('\r\n') + 2).startsWith(`${cell},,`)).toBe(true);
  });
});

describe('file names', () => {
  it('names a month’s report and encodes it per RFC 5987 with an ASCII fallback', () => {
    const file = reportFileName('person', { from: '2026-12-01', to: '2026-12-31' }, 'xlsx');
    expect(file.name).toBe('志愿服务时长_2026-12.xlsx');
    expect(contentDisposition(file)).toBe(
      `attachment; filename="volunteer-hours_2026-12.xlsx"; filename*=UTF-8''${encodeURIComponent('志愿服务时长_2026-12.xlsx')}`,
    );
  });
});
