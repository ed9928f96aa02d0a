import { planSeriesEdit, type SeriesShift } from './series-edit-plan';

/** Local wall times as the recurrence engine carries them (fields read as UTC). */
const at = (text: string) => Date.parse(`${text}Z`);
const occurrence = (text: string) => ({ recurrenceId: at(text), label: text });
const shift = (id: string, text: string, flags: Partial<SeriesShift> = {}): SeriesShift => ({
  shiftId: id,
  recurrenceId: at(text),
  cancelled: false,
  editedByHand: false,
  started: false,
  ...flags,
});

type Case = {
  scenario: string;
  shifts: SeriesShift[];
  occurrences: ReturnType<typeof occurrence>[];
  includeEditedByHand?: boolean;
  expected: {
    update?: [string, string][];
    hold?: [string, string | undefined, string][];
    cancel?: string[];
    create?: string[];
  };
};

const cases: Case[] = [
  {
    scenario: 'a capacity change: every occurrence stays, every shift is updated in place',
    shifts: [shift('mon', '2026-12-07T09:00'), shift('tue', '2026-12-08T09:00')],
    occurrences: [occurrence('2026-12-07T09:00'), occurrence('2026-12-08T09:00')],
    expected: {
      update: [
        ['mon', '2026-12-07T09:00'],
        ['tue', '2026-12-08T09:00'],
      ],
    },
  },
  {
    scenario: 'a new start time: each shift moves within its day (claims kept)',
    shifts: [shift('mon', '2026-12-07T09:00'), shift('tue', '2026-12-08T09:00')],
    occurrences: [occurrence('2026-12-07T10:30'), occurrence('2026-12-08T10:30')],
    expected: {
      update: [
        ['mon', '2026-12-07T10:30'],
        ['tue', '2026-12-08T10:30'],
      ],
    },
  },
  {
    scenario: 'a weekday dropped: its shift is cancelled',
    shifts: [shift('mon', '2026-12-07T09:00'), shift('wed', '2026-12-09T09:00')],
    occurrences: [occurrence('2026-12-07T09:00')],
    expected: { update: [['mon', '2026-12-07T09:00']], cancel: ['wed'] },
  },
  {
    scenario: 'a weekday added: a shift is created for it',
    shifts: [shift('mon', '2026-12-07T09:00')],
    occurrences: [occurrence('2026-12-07T09:00'), occurrence('2026-12-08T09:00')],
    expected: { update: [['mon', '2026-12-07T09:00']], create: ['2026-12-08T09:00'] },
  },
  {
    scenario: 'a shift edited by hand is held (still standing for its occurrence) unless asked',
    shifts: [shift('mon', '2026-12-07T09:00', { editedByHand: true }), shift('tue', '2026-12-08T09:00')],
    occurrences: [occurrence('2026-12-07T09:00'), occurrence('2026-12-08T09:00')],
    expected: {
      update: [['tue', '2026-12-08T09:00']],
      hold: [['mon', '2026-12-07T09:00', 'edited_by_hand']],
    },
  },
  {
    scenario: 'includeEditedByHand: the hand-edited shift follows the series again',
    shifts: [shift('mon', '2026-12-07T09:00', { editedByHand: true })],
    occurrences: [occurrence('2026-12-07T09:00')],
    includeEditedByHand: true,
    expected: { update: [['mon', '2026-12-07T09:00']] },
  },
  {
    scenario: 'a hand-edited shift whose weekday is dropped is kept, not cancelled',
    shifts: [shift('wed', '2026-12-09T09:00', { editedByHand: true })],
    occurrences: [],
    expected: { hold: [['wed', undefined, 'edited_by_hand']] },
  },
  {
    scenario: 'a cancelled shift keeps its occurrence from coming back',
    shifts: [shift('mon', '2026-12-07T09:00', { cancelled: true })],
    occurrences: [occurrence('2026-12-07T10:00')],
    includeEditedByHand: true,
    expected: { hold: [['mon', '2026-12-07T10:00', 'cancelled']] },
  },
  {
    scenario: 'a started shift is history, even when asked to include hand edits',
    shifts: [shift('today', '2026-12-07T09:00', { started: true, editedByHand: true })],
    occurrences: [],
    includeEditedByHand: true,
    expected: { hold: [['today', undefined, 'started']] },
  },
  {
    scenario: 'two a day: the same start is matched first, then the rest of the day in order',
    shifts: [shift('am', '2026-12-07T09:00'), shift('pm', '2026-12-07T14:00')],
    occurrences: [occurrence('2026-12-07T14:00')],
    expected: { update: [['pm', '2026-12-07T14:00']], cancel: ['am'] },
  },
  {
    scenario: 'two a day, both moved: paired in order of the day',
    shifts: [shift('pm', '2026-12-07T14:00'), shift('am', '2026-12-07T09:00')],
    occurrences: [occurrence('2026-12-07T15:00'), occurrence('2026-12-07T10:00')],
    expected: {
      update: [
        ['am', '2026-12-07T10:00'],
        ['pm', '2026-12-07T15:00'],
      ],
    },
  },
  {
    scenario: 'a shift moves to another weekday: cancelled there, created here',
    shifts: [shift('mon', '2026-12-07T09:00')],
    occurrences: [occurrence('2026-12-08T09:00')],
    expected: { cancel: ['mon'], create: ['2026-12-08T09:00'] },
  },
  {
    scenario: 'nothing materialised yet: everything is created',
    shifts: [],
    occurrences: [occurrence('2026-12-07T09:00')],
    expected: { create: ['2026-12-07T09:00'] },
  },
];

describe('planSeriesEdit: which shifts a series edit updates, holds, cancels and creates', () => {
  it.each(cases)('$scenario', ({ shifts, occurrences, includeEditedByHand = false, expected }) => {
    const plan = planSeriesEdit(shifts, occurrences, { includeEditedByHand });
    expect(plan.update.map((u) => [u.shiftId, u.occurrence.label])).toEqual(expected.update ?? []);
    expect(
      plan.hold
        .map((h) => [h.shiftId, h.occurrence?.label, h.reason])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(expected.hold ?? []);
    expect(plan.cancel.map((c) => c.shiftId)).toEqual(expected.cancel ?? []);
    expect(plan.create.map((o) => o.label)).toEqual(expected.create ?? []);
  });

  it('accounts for every shift and every occurrence exactly once', () => {
    const shifts = [
      shift('a', '2026-12-07T09:00'),
      shift('b', '2026-12-08T09:00', { editedByHand: true }),
      shift('c', '2026-12-09T09:00', { cancelled: true }),
      shift('d', '2026-12-10T09:00'),
    ];
    const occurrences = ['2026-12-07T10:00', '2026-12-08T10:00', '2026-12-11T10:00'].map(occurrence);
    const plan = planSeriesEdit(shifts, occurrences, { includeEditedByHand: false });
    const shiftIds = [...plan.update, ...plan.hold, ...plan.cancel].map((x) => x.shiftId).sort();
    expect(shiftIds).toEqual(['a', 'b', 'c', 'd']);
    const used = [
      ...plan.update.map((u) => u.occurrence),
      ...plan.hold.flatMap((h) => (h.occurrence ? [h.occurrence] : [])),
      ...plan.create,
    ];
    expect(used.map((o) => o.label).sort()).toEqual(occurrences.map((o) => o.label));
  });
});
