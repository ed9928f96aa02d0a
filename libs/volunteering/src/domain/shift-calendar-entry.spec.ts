import {
  DEFAULT_ALARM_MINUTES,
  shiftCalendarEntry,
  shiftCalendarUid,
  type ShiftCalendarFacts,
  type ShiftEntryView,
} from './shift-calendar-entry';

const SHIFT: ShiftCalendarFacts = {
  id: '6f1c2a4e-3b9d-4c1e-8a7f-2d5e9b0c1a23',
  title: '城南市集 · 理发',
  description: '请带好围裙。联系人：王阿姨 13800138000',
  locationText: '3号楼前',
  estateName: '桂花苑',
  originContext: 'market_session',
  startsAt: new Date('2026-12-03T00:00:00Z'),
  endsAt: new Date('2026-12-03T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  version: 3,
  updatedAt: new Date('2026-11-30T08:00:00Z'),
  cancelled: false,
};
const BASE = 'https://linli.example.cn';

describe('a shift as a calendar entry', () => {
  it.each<[string, ShiftEntryView, Partial<ReturnType<typeof shiftCalendarEntry>>]>([
    [
      'a confirmed place: CONFIRMED with the default reminders',
      { audience: 'personal', place: 'confirmed' },
      { status: 'CONFIRMED', summary: SHIFT.title, alarmMinutesBefore: DEFAULT_ALARM_MINUTES },
    ],
    [
      'a place on the waitlist: TENTATIVE, 【候补】, no reminders',
      { audience: 'personal', place: 'waitlisted' },
      { status: 'TENTATIVE', summary: `【候补】${SHIFT.title}`, alarmMinutesBefore: undefined },
    ],
    [
      'a cancelled place: CANCELLED (the renderer adds 【已取消】), no reminders',
      { audience: 'personal', place: 'cancelled' },
      { status: 'CANCELLED', summary: SHIFT.title, alarmMinutesBefore: undefined },
    ],
    [
      'the organisers’ view: CONFIRMED, no reminders',
      { audience: 'organisers' },
      { status: 'CONFIRMED', alarmMinutesBefore: undefined },
    ],
  ])('%s', (_, view, expected) => {
    const { alarmMinutesBefore, ...rest } = expected;
    const entry = shiftCalendarEntry(SHIFT, view, BASE);
    expect(entry).toMatchObject(rest);
    expect(entry.alarmMinutesBefore).toEqual(alarmMinutesBefore);
  });

  it('carries the shift’s version, zone, place, categories and a link back', () => {
    expect(shiftCalendarEntry(SHIFT, { audience: 'organisers' }, BASE)).toEqual({
      uid: shiftCalendarUid(SHIFT.id),
      sequence: 3,
      status: 'CONFIRMED',
      start: SHIFT.startsAt,
      end: SHIFT.endsAt,
      timeZone: 'Asia/Shanghai',
      summary: SHIFT.title,
      location: '桂花苑 · 3号楼前',
      description: `${SHIFT.description}\n\n详情 Details: ${BASE}/shifts/${SHIFT.id}`,
      url: `${BASE}/shifts/${SHIFT.id}`,
      categories: ['志愿服务', '市集'],
      lastModified: SHIFT.updatedAt,
    });
  });

  it('a waitlisted person on a cancelled shift sees it cancelled, not tentative', () => {
    const entry = shiftCalendarEntry(
      { ...SHIFT, cancelled: true },
      { audience: 'personal', place: 'waitlisted' },
      BASE,
    );
    expect([entry.status, entry.summary]).toEqual(['CANCELLED', SHIFT.title]);
  });

  it('the public view has no description and no link: nothing an organiser wrote about people', () => {
    const entry = shiftCalendarEntry(SHIFT, { audience: 'public' }, BASE);
    expect(entry.description).toBeUndefined();
    expect(entry.url).toBeUndefined();
    expect(JSON.stringify(entry)).not.toContain('13800138000');
  });

  it('last modified is the later of the shift’s change and the person’s place change', () => {
    const later = new Date('2026-12-01T09:00:00Z');
    const view = { audience: 'personal', place: 'confirmed', placeChangedAt: later } as const;
    expect(shiftCalendarEntry(SHIFT, view, BASE).lastModified).toEqual(later);
    const earlier = { ...view, placeChangedAt: new Date('2026-11-01T00:00:00Z') };
    expect(shiftCalendarEntry(SHIFT, earlier, BASE).lastModified).toEqual(SHIFT.updatedAt);
  });

  it('without a public base URL there is no link, only what the organiser wrote', () => {
    const entry = shiftCalendarEntry(SHIFT, { audience: 'organisers' }, '');
    expect([entry.description, entry.url]).toEqual([SHIFT.description, null]);
  });

  it.each([
    ['place only', { estateName: null }, '3号楼前'],
    ['estate only', { locationText: null }, '桂花苑'],
    ['place naming the estate', { locationText: '桂花苑东门' }, '桂花苑东门'],
    ['neither', { locationText: null, estateName: null }, null],
  ])('location: %s', (_, overrides, expected) => {
    expect(shiftCalendarEntry({ ...SHIFT, ...overrides }, { audience: 'public' }, '').location).toBe(
      expected,
    );
  });

  it('the UID is stable, opaque and per shift', () => {
    const uid = shiftCalendarUid(SHIFT.id);
    expect(uid).toMatch(/^shift-[0-9a-f]{24}@linli$/);
    expect(uid).toBe(shiftCalendarUid(SHIFT.id));
    expect(uid).not.toContain(SHIFT.id.slice(0, 8));
    expect(shiftCalendarUid('00000000-0000-4000-8000-000000000000')).not.toBe(uid);
  });
});
