import type { CalendarEntry } from './calendar-entry';
import { withSubscriberAlarms } from './subscriber-alarms';

const entry = (uid: string, alarmMinutesBefore?: number[]): CalendarEntry => ({
  uid,
  sequence: 1,
  status: 'CONFIRMED',
  start: new Date('2026-12-03T02:00:00Z'),
  end: new Date('2026-12-03T04:00:00Z'),
  timeZone: 'Asia/Shanghai',
  summary: '值班',
  lastModified: new Date('2026-12-01T00:00:00Z'),
  ...(alarmMinutesBefore ? { alarmMinutesBefore } : {}),
});

describe('withSubscriberAlarms (issue 10, item 13)', () => {
  const entries = [entry('held', [1440, 120]), entry('waitlisted')];

  it('puts the subscriber’s times on the entries that ring, and none on the others', () => {
    expect(withSubscriberAlarms(entries, [45]).map((e) => e.alarmMinutesBefore)).toEqual([[45], undefined]);
  });

  it('an empty choice silences the feed; no choice keeps the sources’ defaults', () => {
    expect(withSubscriberAlarms(entries, []).map((e) => e.alarmMinutesBefore)).toEqual([[], undefined]);
    expect(withSubscriberAlarms(entries, undefined)).toBe(entries);
  });
});
