import { parseHolidayImport, type ImportResult } from './holiday-import';
import { classifySummary } from './ics-holiday-file';

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//linli//test//CN', ...events, 'END:VCALENDAR', ''].join(
    '\r\n',
  );

const allDay = (summary: string, start: string, end?: string) =>
  [
    'BEGIN:VEVENT',
    `UID:${start}-${summary.length}@test.linli`,
    `DTSTART;VALUE=DATE:${start}`,
    ...(end ? [`DTEND;VALUE=DATE:${end}`] : []),
    `SUMMARY:${summary}`,
    'END:VEVENT',
  ].join('\r\n');

function days(result: ImportResult) {
  if (!result.ok) throw new Error(`expected the file to import, got: ${result.problems.join(' | ')}`);
  return result.days;
}

function problems(result: ImportResult): string[] {
  if (result.ok) throw new Error(`expected problems, got ${result.days.length} days`);
  return result.problems;
}

describe('holiday import: JSON', () => {
  const json = (entries: unknown) =>
    parseHolidayImport({ year: 2027, format: 'json', content: JSON.stringify(entries) });

  it('reads {date, kind, name} entries, sorted by date, trimmed, with optional notes', () => {
    const result = json([
      { date: '2027-10-02', kind: 'off', name: ' 国庆节 ' },
      { date: '2027-10-01', kind: 'off', name: '国庆节', note: '第一天' },
      { date: '2027-09-26', kind: 'workday', name: '国庆节' },
    ]);
    expect(days(result)).toEqual([
      { date: '2027-09-26', kind: 'workday', name: '国庆节', note: null },
      { date: '2027-10-01', kind: 'off', name: '国庆节', note: '第一天' },
      { date: '2027-10-02', kind: 'off', name: '国庆节', note: null },
    ]);
  });

  it('accepts the same day listed twice alike, once', () => {
    const day = { date: '2027-01-01', kind: 'off', name: '元旦' };
    expect(days(json([day, day]))).toHaveLength(1);
  });

  it.each([
    ['not JSON', '[{"date": ', /not valid JSON/],
    ['not an array', '{"date": "2027-01-01"}', /JSON array/],
    ['an empty array', '[]', /declares no days/],
  ])('refuses %s', (_label, content, message) => {
    expect(problems(parseHolidayImport({ year: 2027, format: 'json', content }))[0]).toMatch(message);
  });

  it.each([
    [
      'a date outside the year',
      { date: '2028-01-01', kind: 'off', name: '元旦' },
      'entry 2: 2028-01-01 is outside 2027',
    ],
    [
      'an impossible date',
      { date: '2027-02-30', kind: 'off', name: 'x' },
      'entry 2: "2027-02-30" is not a valid date',
    ],
    ['a date with a time', { date: '2027-10-01T00:00', kind: 'off', name: 'x' }, 'is not a valid date'],
    [
      'a kind other than off/workday',
      { date: '2027-10-01', kind: 'normal', name: 'x' },
      'entry 2 (2027-10-01): "kind"',
    ],
    ['a missing name', { date: '2027-10-01', kind: 'off' }, 'entry 2 (2027-10-01): "name"'],
    ['a blank name', { date: '2027-10-01', kind: 'off', name: '  ' }, 'entry 2: 2027-10-01 has no name'],
    [
      'an unknown field',
      { date: '2027-10-01', kind: 'off', name: 'x', colour: 'red' },
      'unknown field "colour"',
    ],
    ['not an object', 'x', 'entry 2: expected an object'],
  ])('names the entry with %s', (_label, bad, message) => {
    const result = json([{ date: '2027-01-01', kind: 'off', name: '元旦' }, bad]);
    expect(problems(result)).toEqual([expect.stringContaining(message)]);
  });

  it('refuses a day declared two different ways, naming both entries', () => {
    const result = json([
      { date: '2027-10-01', kind: 'off', name: '国庆节' },
      { date: '2027-10-01', kind: 'workday', name: '国庆节' },
    ]);
    expect(problems(result)).toEqual(['entry 2: 2027-10-01 is already declared by entry 1 as off 国庆节']);
  });

  it('lists every problem at once, up to a bound', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-01-${String(i + 1).padStart(2, '0')}`,
      kind: 'off',
      name: 'x',
    }));
    const found = problems(json(entries));
    expect(found).toHaveLength(21);
    expect(found[20]).toBe('… and 10 more problems');
  });

  it('refuses more than 400 days before reading them', () => {
    const entries = Array.from({ length: 401 }, () => ({ date: '2027-01-01', kind: 'off', name: '元旦' }));
    expect(problems(json(entries))).toEqual(['the file has 401 days; at most 400 per year']);
  });

  it('refuses content over 200 KB, counted in bytes', () => {
    const content = JSON.stringify([
      { date: '2027-01-01', kind: 'off', name: '元旦', note: '节'.repeat(70_000) },
    ]);
    expect(problems(parseHolidayImport({ year: 2027, format: 'json', content }))[0]).toMatch(
      /at most 200 KB/,
    );
  });
});

describe('holiday import: iCalendar', () => {
  const read = (content: string, year = 2027) => parseHolidayImport({ year, format: 'ics', content });

  it('expands all-day events over their days, DTEND exclusive, and tells days off from make-up workdays', () => {
    const result = read(
      ics(
        allDay('国庆节 休', '20271001', '20271008'),
        allDay('国庆节 班', '20270926'),
        allDay('补班', '20271009'),
      ),
    );
    expect(days(result).map((d) => `${d.date} ${d.kind} ${d.name}`)).toEqual([
      '2027-09-26 workday 国庆节',
      '2027-10-01 off 国庆节',
      '2027-10-02 off 国庆节',
      '2027-10-03 off 国庆节',
      '2027-10-04 off 国庆节',
      '2027-10-05 off 国庆节',
      '2027-10-06 off 国庆节',
      '2027-10-07 off 国庆节',
      '2027-10-09 workday 调休上班日',
    ]);
  });

  it('reads a whole-day DURATION, folded lines, LF line ends and a byte-order mark', () => {
    const event = [
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270501',
      'DURATION:P5D',
      'SUMMARY:劳动',
      ' 节 假期',
      'END:VEVENT',
    ].join('\n');
    const result = read(`\uFEFF${ics(event).replace(/\r\n/g, '\n')}`);
    expect(days(result).map((d) => `${d.date} ${d.kind} ${d.name}`)).toEqual([
      '2027-05-01 off 劳动节',
      '2027-05-02 off 劳动节',
      '2027-05-03 off 劳动节',
      '2027-05-04 off 劳动节',
      '2027-05-05 off 劳动节',
    ]);
  });

  it.each([
    ['garbage text', 'hello world', /line 1: an iCalendar file starts with BEGIN:VCALENDAR/],
    ['an unterminated calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n', /not valid iCalendar/],
    [
      'a line without NAME:VALUE',
      'BEGIN:VCALENDAR\r\nthis line is wrong\r\nEND:VCALENDAR\r\n',
      /not valid iCalendar/,
    ],
    ['a calendar with no events', ics(), /declares no days/],
  ])('refuses %s', (_label, content, message) => {
    expect(problems(read(content))[0]).toMatch(message);
  });

  it.each([
    [
      'a timed event',
      ['DTSTART:20271001T090000', 'SUMMARY:国庆节 休'],
      'line 4 (国庆节 休): DTSTART must be an all-day date',
    ],
    [
      'an impossible date',
      ['DTSTART;VALUE=DATE:20271341', 'SUMMARY:国庆节 休'],
      'DTSTART 2027-13-41 is not a valid date',
    ],
    ['no DTSTART', ['SUMMARY:国庆节 休'], 'DTSTART is missing'],
    ['no SUMMARY', ['DTSTART;VALUE=DATE:20271001'], 'line 4: the event has no SUMMARY'],
    [
      'DTEND before DTSTART',
      ['DTSTART;VALUE=DATE:20271003', 'DTEND;VALUE=DATE:20271001', 'SUMMARY:x'],
      'must be after DTSTART',
    ],
    [
      'a part-day DURATION',
      ['DTSTART;VALUE=DATE:20271001', 'DURATION:PT12H', 'SUMMARY:x'],
      'must be whole days',
    ],
    [
      'a repeating event',
      ['DTSTART;VALUE=DATE:20271001', 'RRULE:FREQ=YEARLY', 'SUMMARY:x'],
      'repeating events',
    ],
    [
      'an event spanning years',
      ['DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20300101', 'SUMMARY:x'],
      'spans 1096 days',
    ],
  ])('names the line of %s', (_label, lines, message) => {
    const result = read(ics(['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n')));
    expect(problems(result)).toEqual([expect.stringContaining(message)]);
  });

  it('refuses days outside the year, naming the event line and the date', () => {
    const result = read(ics(allDay('元旦 休', '20270101'), allDay('元旦 休', '20261231', '20270102')));
    expect(problems(result)).toEqual(['line 9 (元旦 休): 2026-12-31 is outside 2027']);
  });

  it('refuses a file with more than 400 days, counting repeated ones', () => {
    const fiveMonths = allDay('休', '20270101', '20270601');
    expect(problems(read(ics(fiveMonths, fiveMonths, fiveMonths)))[0]).toMatch(/more than 400 days/);
  });
});

describe('holiday import: SUMMARY marks', () => {
  it.each([
    ['国庆节 休', 'off', '国庆节'],
    ['国庆节休', 'off', '国庆节'],
    ['春节假期', 'off', '春节'],
    ['劳动节 放假', 'off', '劳动节'],
    ['元旦', 'off', '元旦'],
    ['端午节', 'off', '端午节'],
    ['国庆节 班', 'workday', '国庆节'],
    ['国庆节补班', 'workday', '国庆节'],
    ['春节 调休上班', 'workday', '春节'],
    ['上班', 'workday', '调休上班日'],
    ['班', 'workday', '调休上班日'],
    ['休', 'off', '节假日'],
  ])('%s is %s (%s)', (summary, kind, name) => {
    expect(classifySummary(summary)).toEqual({ kind, name });
  });
});
