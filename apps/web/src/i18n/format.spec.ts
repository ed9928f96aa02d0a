import { formatDateTime, formatDay, formatLocalDate, formatRange, formatTime, localDate } from './format';

describe('dates the way the community reads them, in its zone', () => {
  it.each([
    ['a Monday morning in Chengnan', '2026-12-07T01:00:00Z', 'Asia/Shanghai', 'zh-CN', '12月7日 周一 09:00'],
    ['the same instant in English', '2026-12-07T01:00:00Z', 'Asia/Shanghai', 'en', 'Mon 7 Dec 09:00'],
    [
      'an instant written with its offset',
      '2026-12-07T09:00:00+08:00',
      'Asia/Shanghai',
      'zh-CN',
      '12月7日 周一 09:00',
    ],
    [
      'late evening UTC is the next morning in Chengnan',
      '2026-12-06T23:30:00Z',
      'Asia/Shanghai',
      'zh-CN',
      '12月7日 周一 07:30',
    ],
    ['midnight is 00:00, not 24:00', '2026-12-06T16:00:00Z', 'Asia/Shanghai', 'zh-CN', '12月7日 周一 00:00'],
    ['a Sunday', '2026-12-13T02:00:00Z', 'Asia/Shanghai', 'zh-CN', '12月13日 周日 10:00'],
    [
      'New York after the spring-forward gap',
      '2026-03-08T07:30:00Z',
      'America/New_York',
      'en',
      'Sun 8 Mar 03:30',
    ],
    ['New York before it', '2026-03-08T06:30:00Z', 'America/New_York', 'en', 'Sun 8 Mar 01:30'],
  ] as const)('%s', (_name, instant, zone, language, expected) => {
    expect(formatDateTime(instant, zone, language)).toBe(expected);
  });

  it('writes a shift as its day and times, naming both days when it crosses midnight', () => {
    expect(formatRange('2026-12-07T01:00:00Z', '2026-12-07T03:30:00Z', 'Asia/Shanghai', 'zh-CN')).toBe(
      '12月7日 周一 09:00–11:30',
    );
    expect(formatRange('2026-12-07T14:00:00Z', '2026-12-07T18:00:00Z', 'Asia/Shanghai', 'en')).toBe(
      'Mon 7 Dec 22:00 – Tue 8 Dec 02:00',
    );
  });

  it('gives the community’s calendar day of an instant, whatever zone the phone is in', () => {
    expect(localDate('2026-12-06T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-07');
    expect(localDate('2026-12-06T16:30:00Z', 'America/New_York')).toBe('2026-12-06');
    expect(formatDay('2026-12-06T16:30:00Z', 'Asia/Shanghai', 'zh-CN')).toBe('12月7日 周一');
    expect(formatTime('2026-12-06T16:30:00Z', 'Asia/Shanghai')).toBe('00:30');
  });

  it('writes a calendar day without a zone', () => {
    expect(formatLocalDate('2026-12-07', 'zh-CN')).toBe('12月7日 周一');
    expect(formatLocalDate('2027-01-01', 'en')).toBe('Fri 1 Jan');
  });
});
