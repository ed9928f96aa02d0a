import { definitionOf, materialiseWindow, shiftChangesFor, withStartTime } from './series-pattern';

const HOUR = 3600_000;
const WEEK = 7 * 24 * HOUR;
const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('materialiseWindow: what the next materialisation covers', () => {
  it.each([
    ['never materialised: now to the horizon', {}, { from: NOW, to: NOW + 8 * WEEK }],
    [
      'materialised a week ahead: from there on',
      { materialisedUntil: NOW + WEEK },
      { from: NOW + WEEK, to: NOW + 8 * WEEK },
    ],
    [
      'materialised until the past (the worker was down): never before now',
      { materialisedUntil: NOW - WEEK },
      { from: NOW, to: NOW + 8 * WEEK },
    ],
    ['already at the horizon: nothing to do', { materialisedUntil: NOW + 8 * WEEK }, undefined],
    [
      'the series ends in three weeks: not past its end',
      { endedAt: NOW + 3 * WEEK },
      { from: NOW, to: NOW + 3 * WEEK },
    ],
    ['the series ended: nothing to do', { endedAt: NOW - HOUR }, undefined],
    ['a community horizon of 4 weeks', { horizonWeeks: 4 }, { from: NOW, to: NOW + 4 * WEEK }],
  ])(
    '%s',
    (_scenario, input: { materialisedUntil?: number; endedAt?: number; horizonWeeks?: number }, expected) => {
      expect(materialiseWindow({ now: NOW, horizonWeeks: 8, ...input })).toEqual(expected);
    },
  );
});

describe('series pattern helpers', () => {
  it('keeps the day and sets the start time', () => {
    expect(withStartTime('2026-12-01T09:00:00', '14:30')).toBe('2026-12-01T14:30:00');
  });

  it('describes the stored series to the recurrence engine', () => {
    expect(
      definitionOf({
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        dtstart: '2026-12-07T09:00:00',
        timeZone: 'Asia/Shanghai',
        holidayPolicy: 'skip_holidays',
        durationMinutes: 150,
        exdates: ['2026-12-14'],
      }),
    ).toEqual({
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      dtstart: '2026-12-07T09:00:00',
      timeZone: 'Asia/Shanghai',
      duration: 'PT150M',
      exdates: ['2026-12-14'],
      holidayPolicy: 'skip_holidays',
    });
  });
});

describe('shiftChangesFor: only what differs, so versions are not bumped for nothing', () => {
  const current = {
    title: '城南市集 · 理发',
    description: null,
    locationText: '社区服务中心',
    estateId: null,
    capacity: 5,
    requiredQualifications: ['健康证'],
    minAge: null,
    reservedForKinds: [],
    signupOpensDays: null,
    cancelCutoffMinutes: null,
    releaseLeadMinutes: null,
    startsAt: new Date('2026-12-07T01:00:00Z'),
    endsAt: new Date('2026-12-07T03:00:00Z'),
  };
  const sameTimes = { startsAt: current.startsAt, endsAt: current.endsAt };

  it.each([
    ['nothing differs', { ...sameTimes, template: { capacity: 5, title: '城南市集 · 理发' } }, {}],
    ['capacity only', { ...sameTimes, template: { capacity: 8 } }, { capacity: 8 }],
    [
      'a new start time moves both ends',
      {
        startsAt: new Date('2026-12-07T02:00:00Z'),
        endsAt: new Date('2026-12-07T04:00:00Z'),
        template: {},
      },
      { startsAt: new Date('2026-12-07T02:00:00Z'), endsAt: new Date('2026-12-07T04:00:00Z') },
    ],
    ['equal lists are not a change', { ...sameTimes, template: { requiredQualifications: ['健康证'] } }, {}],
    [
      'a different list is',
      { ...sameTimes, template: { requiredQualifications: ['健康证', '电工证'] } },
      { requiredQualifications: ['健康证', '电工证'] },
    ],
    ['clearing a place', { ...sameTimes, template: { locationText: null } }, { locationText: null }],
  ])('%s', (_scenario, target, expected) => {
    expect(shiftChangesFor(current, target)).toEqual(expected);
  });
});
