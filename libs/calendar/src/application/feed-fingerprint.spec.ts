import type { CalendarEntry, CalendarMeta } from '../domain/calendar-entry';
import { feedFingerprint } from './feed-fingerprint';

const meta: CalendarMeta = { name: '城南社区 · 我的志愿服务', timeZone: 'Asia/Shanghai', refreshMinutes: 60 };
const entry: CalendarEntry = {
  uid: 'shift-1@linli',
  sequence: 1,
  status: 'CONFIRMED',
  start: new Date('2026-12-01T01:00:00Z'),
  end: new Date('2026-12-01T03:00:00Z'),
  timeZone: 'Asia/Shanghai',
  summary: '城南市集 · 理发',
  location: '社区服务中心',
  description: null,
  categories: ['志愿服务'],
  lastModified: new Date('2026-11-20T00:00:00Z'),
  alarmMinutesBefore: [1440, 120],
};

describe('feedFingerprint', () => {
  it('is the same for the same content, whatever the objects', () => {
    expect(feedFingerprint([entry], meta)).toBe(
      feedFingerprint([{ ...entry, start: new Date(entry.start) }], { ...meta }),
    );
  });

  it.each<[string, Partial<CalendarEntry>]>([
    ['sequence', { sequence: 2 }],
    ['status', { status: 'CANCELLED' }],
    ['start', { start: new Date('2026-12-01T01:00:01Z') }],
    ['summary', { summary: '城南市集 · 修鞋' }],
    ['null and absent location', { location: undefined }],
    ['empty and absent description', { description: '' }],
    ['categories', { categories: ['志愿服务', '市集'] }],
    ['one category or two with a separator', { categories: ['志愿服务\u001d市集'] }],
    ['colour', { color: 'teal' }],
    ['lastModified', { lastModified: new Date('2026-11-20T00:00:01Z') }],
    ['alarms', { alarmMinutesBefore: [60] }],
  ])('changes with %s', (_name, change) => {
    expect(feedFingerprint([{ ...entry, ...change }], meta)).not.toBe(feedFingerprint([entry], meta));
  });

  it('changes with the calendar’s name and with the order and number of entries', () => {
    const other = { ...entry, uid: 'shift-2@linli' };
    expect(feedFingerprint([entry], { ...meta, name: '城南社区 · 社区总日程' })).not.toBe(
      feedFingerprint([entry], meta),
    );
    expect(feedFingerprint([entry, other], meta)).not.toBe(feedFingerprint([other, entry], meta));
    expect(feedFingerprint([entry, entry], meta)).not.toBe(feedFingerprint([entry], meta));
  });
});
