import { CRLF, escapeText, foldLine, joinLines, utf8Length } from './ics-text';
import { formatDuration, formatUtc, formatUtcOffset, formatWallTime } from './ics-time';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Physical lines as octets: what a client reads before it decodes anything. */
function octetLines(body: string): Buffer[] {
  const bytes = Buffer.from(body, 'utf8');
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/** A deterministic mix of 1-, 2-, 3- and 4-octet characters (seeded, so failures reproduce). */
function mixedText(seed: number, length: number): string {
  const pieces = ['a', 'Z', ' ', ';', 'é', 'ß', '中', '区', '【', '😀', '👍🏽'];
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    text += pieces[state % pieces.length];
  }
  return text;
}

describe('escapeText', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['C:\\社区\\图书室', 'C:\\\\社区\\\\图书室'],
    ['line 1\nline 2', 'line 1\\nline 2'],
    ['windows\r\nbreak', 'windows\\nbreak'],
    ['old mac\rbreak', 'old mac\\rbreak'.replace('\\r', '\\n')],
    ['bell\u0007 and tab\tstay', 'bell and tab\tstay'],
    ['colon: stays', 'colon: stays'],
    ['请带上：水杯；口罩, 手套', '请带上：水杯；口罩\\, 手套'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  it('leaves lines of up to 75 octets alone', () => {
    const line = 'SUMMARY:' + 'x'.repeat(67);
    expect(utf8Length(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds at 75 octets, continuation lines starting with a space', () => {
    const line = 'DESCRIPTION:' + 'y'.repeat(200);
    const physical = foldLine(line).split(CRLF);
    expect(physical.map((l) => utf8Length(l))).toEqual([75, 75, 64]);
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
  });

  it('never splits a Chinese character: a line breaks before the one that would cross 75 octets', () => {
    const line = 'SUMMARY:' + '社区'.repeat(40);
    for (const octets of octetLines(foldLine(line))) {
      expect(octets.length).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(octets)).not.toThrow();
    }
  });

  it.each(Array.from({ length: 40 }, (_, seed) => [seed]))(
    'mixed 1-4 octet text (seed %i): lines within 75 octets, each valid UTF-8, unfolding restores it',
    (seed) => {
      const line = 'DESCRIPTION:' + mixedText(seed + 1, 10 + seed * 7);
      const folded = foldLine(line);
      for (const octets of octetLines(folded)) {
        expect(octets.length).toBeLessThanOrEqual(75);
        expect(() => strictUtf8.decode(octets)).not.toThrow();
      }
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    },
  );

  it('joinLines ends every line with CRLF', () => {
    expect(joinLines(['BEGIN:VEVENT', 'END:VEVENT'])).toBe('BEGIN:VEVENT\r\nEND:VEVENT\r\n');
  });
});

describe('times and durations', () => {
  it('formats instants in UTC and wall times without a zone', () => {
    expect(formatUtc(Date.UTC(2026, 9, 18, 1, 2, 3))).toBe('20261018T010203Z');
    expect(formatWallTime(Date.UTC(2026, 9, 18, 9))).toBe('20261018T090000');
  });

  it.each([
    [8 * 3_600_000, '+0800'],
    [-5 * 3_600_000, '-0500'],
    [0, '+0000'],
    [10.5 * 3_600_000, '+1030'],
    [-(4 * 3_600_000 + 56 * 60_000 + 2_000), '-045602'],
  ])('offset %i ms -> %s', (offset, expected) => {
    expect(formatUtcOffset(offset)).toBe(expected);
  });

  it.each([
    [15, 'PT15M'],
    [60, 'PT1H'],
    [90, 'PT1H30M'],
    [1440, 'P1D'],
    [2880, 'P2D'],
    [1500, 'PT25H'],
    [0, 'PT0M'],
  ])('%i minutes -> %s (never P1H)', (minutes, expected) => {
    expect(formatDuration(minutes)).toBe(expected);
  });
});
