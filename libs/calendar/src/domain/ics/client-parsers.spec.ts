// Issue 5: every feed is read by independent real-client parsers — ical.js (Thunderbird), node-ical
// and, where installed, Debian's python3-icalendar — with the reading process in several TZ
// settings, and times are compared as instants. Each parser runs in a child process started with
// that TZ (jest's own process keeps whatever TZ it was given), and so does a second rendering,
// which must give the same bytes as this one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lintIcs } from './lint-ics';
import { renderCalendar } from './render-calendar';
import { EventCache } from './event-cache';
import { FIXTURE_META, expectedReading, fixtureEntries } from './testing/feed-fixture';

const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York'];
const TESTING = join(__dirname, 'testing');
const ROOT = resolve(__dirname, '../../../../..');

interface Reading {
  start: number;
  end: number;
  summary: string;
  status: string;
  description?: string | null;
}
interface ParserOutput {
  tz: string;
  resolvedZone?: string;
  parsers: Record<string, Record<string, Reading>>;
}

/** Runs a command with TZ set for it alone (`env TZ=...`), failing on a non-zero exit. */
function runWithTz(tz: string, command: string, args: string[]): string {
  const result = spawnSync('env', [`TZ=${tz}`, command, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${command} under TZ=${tz} failed (${result.status}): ${result.stderr || result.error}`);
  }
  return result.stdout;
}

/** A python3 that has the icalendar module (Debian's python3-icalendar), or why there is none. */
function findPythonIcalendar(): { python: string } | { missing: string } {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import icalendar'], { encoding: 'utf8' });
    if (probe.status === 0) return { python };
  }
  return { missing: 'no python3 with the icalendar module (apt-get install -y python3-icalendar)' };
}

const entries = fixtureEntries();
const body = renderCalendar(entries, FIXTURE_META, new EventCache());
const python = findPythonIcalendar();
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-ics-'));
  file = join(dir, 'feed.ics');
  writeFileSync(file, body);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectReadings(output: ParserOutput, parser: string): void {
  const read = output.parsers[parser];
  expect(Object.keys(read).sort()).toEqual(entries.map((e) => e.uid).sort());
  for (const entry of entries) {
    const { description, ...reading } = read[entry.uid];
    expect({ uid: entry.uid, ...reading }).toMatchObject({ uid: entry.uid, ...expectedReading(entry) });
    // Escaping round-trips: what the parser reads is the entry's text, backslashes and all.
    if (description !== undefined) expect(description ?? null).toBe(entry.description ?? null);
  }
}

it('the fixture feed passes our lint', () => {
  expect(lintIcs(body)).toEqual([]);
});

describe.each(ZONES)('with the process in TZ=%s', (tz) => {
  it('rendering gives the same bytes as in this process', () => {
    const output = runWithTz(tz, 'node', [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(TESTING, 'render-fixture.script.ts'),
    ]);
    expect(output.replace(/\n$/, '')).toBe(body);
  });

  describe('JavaScript client parsers', () => {
    let output: ParserOutput;
    beforeAll(() => {
      output = JSON.parse(runWithTz(tz, 'node', [join(TESTING, 'parse-with-clients.mjs'), file]));
    });

    it('ran in that TZ', () => {
      expect(output.tz).toBe(tz);
      expect(output.resolvedZone).toBe(tz);
    });

    it('ical.js (Thunderbird) reads every entry at its instants, from our VTIMEZONEs', () => {
      expectReadings(output, 'ical.js');
    });

    it('node-ical reads every entry at its instants', () => {
      expectReadings(output, 'node-ical');
    });
  });

  if ('python' in python) {
    it("Debian's python3-icalendar reads every entry at its instants", () => {
      const output: ParserOutput = JSON.parse(
        runWithTz(tz, python.python, [join(TESTING, 'parse_with_icalendar.py'), file]),
      );
      expect(output.tz).toBe(tz);
      expectReadings(output, 'python-icalendar');
    });
  } else {
    // The issue asks for python3-icalendar "where available" (Debian package); a machine without it
    // still runs ical.js and node-ical above, and the reason is in the skipped test's name.
    it.skip(`python3-icalendar: skipped, ${python.missing}`, () => undefined);
  }
});
