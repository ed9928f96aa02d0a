import type { CalendarEntry, CalendarMeta } from '../../calendar-entry';

/**
 * A feed that exercises what clients get wrong: Chinese text long enough to fold, every TEXT
 * character that needs escaping, a cancelled entry, alarms, Asia/Shanghai, and America/New_York
 * on both sides of its 2026 changes (gap 2026-03-08 02:00-03:00 EST->EDT; the hour 01:00-02:00
 * repeats on 2026-11-01 EDT->EST) and into 2027.
 */
export const FIXTURE_META: CalendarMeta = {
  name: '城南街道 · 幸福里社区志愿者排班',
  description: '我的志愿服务班次（含已取消），每小时更新；如有疑问请联系社区居委会。',
  timeZone: 'Asia/Shanghai',
  refreshMinutes: 60,
};

const CHANGED = new Date('2026-02-01T03:04:05Z');

const base = (
  uid: string,
  start: string,
  end: string,
  timeZone: string,
  rest: Partial<CalendarEntry> = {},
): CalendarEntry => ({
  uid,
  sequence: 1,
  status: 'CONFIRMED',
  start: new Date(start),
  end: new Date(end),
  timeZone,
  summary: '社区值班',
  lastModified: CHANGED,
  ...rest,
});

export function fixtureEntries(): CalendarEntry[] {
  return [
    base('shift-0001@linli', '2026-10-18T01:00:00Z', '2026-10-18T03:30:00Z', 'Asia/Shanghai', {
      sequence: 3,
      summary: '幸福里社区图书馆值班：整理书架、帮助老人借还书、维护阅览室秩序（周末场）',
      location: '城南街道幸福里社区服务中心 2 楼, 图书室; 东门进',
      description:
        '请带上：志愿者证、水杯、口罩；\n联系人：王阿姨, 电话 138-0000-0000\n' +
        '路径: C:\\社区\\图书室 (反斜杠测试)\n' +
        '备注：第一次来的志愿者请提前 15 分钟到达，由老志愿者带领熟悉借还流程。🙂👍\n' +
        '详情: https://linli.example/shifts/0001',
      url: 'https://linli.example/shifts/0001',
      categories: ['图书馆', '周末, 亲子'],
      color: 'teal',
      alarmMinutesBefore: [60, 15, 1440],
    }),
    base('shift-0002@linli', '2026-10-19T06:00:00Z', '2026-10-19T08:00:00Z', 'Asia/Shanghai', {
      sequence: 5,
      status: 'CANCELLED',
      summary: '垃圾分类宣传（因天气取消）',
      description: '活动取消，感谢大家。',
      alarmMinutesBefore: [30],
    }),
    base('ny-before-dst@linli', '2026-03-07T15:00:00Z', '2026-03-07T17:00:00Z', 'America/New_York', {
      summary: 'Food bank shift, Chinatown (中文/English)',
      alarmMinutesBefore: [15],
    }),
    // 01:00 EST to 04:00 EDT: across the gap, two hours long.
    base('ny-across-gap@linli', '2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z', 'America/New_York', {
      summary: 'Overnight shelter shift 夜班',
    }),
    base('ny-after-dst@linli', '2026-03-09T14:00:00Z', '2026-03-09T16:00:00Z', 'America/New_York', {
      status: 'TENTATIVE',
    }),
    // 01:30 EDT to 01:30 EST: the end is in the repeated hour (second occurrence).
    base('ny-repeated-hour@linli', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', 'America/New_York', {
      summary: 'Night patrol 夜间巡逻',
    }),
    base('ny-next-year@linli', '2027-07-04T14:00:00Z', '2027-07-04T18:00:00Z', 'America/New_York', {
      categories: ['Parade'],
      color: 'crimson',
    }),
    // Irregular zones (issue 10): their VTIMEZONEs list the covered years' changes as RDATEs.
    // Jerusalem: 2027-03-26 02:00 IST->IDT (the Friday before the last Sunday), and back on 10-31.
    base('jerusalem-after-dst@linli', '2027-03-28T06:00:00Z', '2027-03-28T08:00:00Z', 'Asia/Jerusalem', {
      summary: 'Soup kitchen',
    }),
    base('jerusalem-before-dst@linli', '2027-03-25T08:00:00Z', '2027-03-25T10:00:00Z', 'Asia/Jerusalem'),
    // Casablanca: +01 except during Ramadan (+00, 2027-01-31 to 2027-03-14 or so).
    base('casablanca-ramadan@linli', '2027-02-20T10:00:00Z', '2027-02-20T12:00:00Z', 'Africa/Casablanca'),
    base('casablanca-after@linli', '2027-04-20T10:00:00Z', '2027-04-20T12:00:00Z', 'Africa/Casablanca'),
    // Gaza: changes on Saturdays after Ramadan.
    base('gaza-summer@linli', '2027-07-10T07:00:00Z', '2027-07-10T09:00:00Z', 'Asia/Gaza'),
  ];
}

/** What a parser should read back from a rendered entry. */
export function expectedReading(entry: CalendarEntry): {
  start: number;
  end: number;
  summary: string;
  status: string;
} {
  return {
    start: entry.start.getTime(),
    end: entry.end.getTime(),
    summary: entry.status === 'CANCELLED' ? `【已取消】${entry.summary}` : entry.summary,
    status: entry.status,
  };
}
