import { MAX_LINE_OCTETS, utf8Length } from './ics-text';

/**
 * Our own checks of an iCalendar body, for what real clients trip over (issue 5's content rules):
 * CRLF line endings, lines of at most 75 octets, BEGIN/END balanced, a VTIMEZONE for every TZID
 * used, DTSTAMP / LAST-MODIFIED / CREATED / UNTIL in UTC with Z, exactly one UID per VEVENT and no
 * two VEVENTs alike, DURATION values that parse (`PT1H`, never `P1H`). Returns the problems found,
 * each naming the line; an empty list means the body passed.
 */
export function lintIcs(text: string): string[] {
  const problems: string[] = [];
  const physical = text.split('\r\n');
  if (physical[physical.length - 1] !== '') problems.push('body does not end with CRLF');
  else physical.pop();

  const lines: { number: number; text: string }[] = [];
  for (const [i, line] of physical.entries()) {
    const number = i + 1;
    if (line.includes('\n') || line.includes('\r')) problems.push(`line ${number}: bare CR or LF (not CRLF)`);
    const octets = utf8Length(line);
    if (octets > MAX_LINE_OCTETS) problems.push(`line ${number}: ${octets} octets (over ${MAX_LINE_OCTETS})`);
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line)) {
      problems.push(`line ${number}: a character split across lines (lone surrogate)`);
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (lines.length === 0) problems.push(`line ${number}: continuation with nothing to continue`);
      else lines[lines.length - 1].text += line.slice(1);
    } else lines.push({ number, text: line });
  }
  if (lines.length === 0) return [...problems, 'empty body'];

  const stack: string[] = [];
  const tzidsUsed = new Map<string, number>();
  const tzidsDefined = new Set<string>();
  const eventKeys = new Map<string, number>();
  let event: { line: number; uids: string[]; recurrenceId: string; dtstart: boolean } | undefined;
  let calendars = 0;

  for (const { number, text: line } of lines) {
    const parsed = parseContentLine(line);
    if (!parsed) {
      problems.push(`line ${number}: not a content line (name:value)`);
      continue;
    }
    const { name, params, value } = parsed;
    const where = `line ${number} (${name})`;
    if (stack.length === 0 && !(name === 'BEGIN' && value === 'VCALENDAR')) {
      problems.push(`${where}: outside BEGIN:VCALENDAR ... END:VCALENDAR`);
    }

    if (name === 'BEGIN') {
      if (value === 'VCALENDAR') calendars++;
      if (value === 'VEVENT') event = { line: number, uids: [], recurrenceId: '', dtstart: false };
      stack.push(value);
      continue;
    }
    if (name === 'END') {
      const open = stack.pop();
      if (open !== value)
        problems.push(`${where}: END:${value} closes ${open ? `BEGIN:${open}` : 'nothing'}`);
      if (value === 'VEVENT' && event) {
        if (event.uids.length !== 1) {
          problems.push(`line ${event.line} (VEVENT): ${event.uids.length} UID properties, expected 1`);
        }
        if (!event.dtstart) problems.push(`line ${event.line} (VEVENT): no DTSTART`);
        const key = `${event.uids[0] ?? ''}\u0000${event.recurrenceId}`;
        const earlier = eventKeys.get(key);
        if (event.uids.length > 0 && earlier !== undefined) {
          problems.push(`line ${event.line} (VEVENT): UID ${event.uids[0]} already used at line ${earlier}`);
        } else eventKeys.set(key, event.line);
        event = undefined;
      }
      continue;
    }

    const tzid = params.get('TZID');
    if (tzid !== undefined) {
      if (!tzidsUsed.has(tzid)) tzidsUsed.set(tzid, number);
      if (value.endsWith('Z')) problems.push(`${where}: a UTC value with a TZID`);
    }
    const current = stack[stack.length - 1];
    if (name === 'TZID' && current === 'VTIMEZONE') tzidsDefined.add(value);
    if (current === 'VEVENT' && event) {
      if (name === 'UID') event.uids.push(value);
      if (name === 'RECURRENCE-ID') event.recurrenceId = value;
      if (name === 'DTSTART') event.dtstart = true;
    }
    if (name === 'DTSTAMP' || name === 'LAST-MODIFIED' || name === 'CREATED') {
      if (!UTC_DATE_TIME.test(value))
        problems.push(`${where}: "${value}" is not a UTC date-time ending in Z`);
    }
    if (name === 'RRULE' || name === 'EXRULE') {
      const until = /(?:^|;)UNTIL=([^;]*)/.exec(value)?.[1];
      if (until !== undefined && until.includes('T') && !until.endsWith('Z')) {
        problems.push(`${where}: UNTIL ${until} is not in UTC (Z)`);
      }
    }
    const isDuration =
      name === 'DURATION' ||
      name === 'X-PUBLISHED-TTL' ||
      name === 'REFRESH-INTERVAL' ||
      (name === 'TRIGGER' && params.get('VALUE') !== 'DATE-TIME');
    if (isDuration && !DURATION.test(value)) {
      problems.push(`${where}: "${value}" is not a valid duration (e.g. PT1H, -PT15M, P1D)`);
    }
  }

  if (stack.length > 0) problems.push(`unclosed: ${stack.map((s) => `BEGIN:${s}`).join(', ')}`);
  if (calendars === 0) problems.push('no VCALENDAR');
  for (const [tzid, line] of tzidsUsed) {
    if (!tzidsDefined.has(tzid)) problems.push(`line ${line}: TZID ${tzid} has no VTIMEZONE`);
  }
  return problems;
}

const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/;
// RFC 5545 3.3.6: weeks alone, or days and/or a time part; a time part is H[M[S]], M[S] or S.
const DUR_TIME = String.raw`T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)`;
const DURATION = new RegExp(String.raw`^[+-]?P(?:\d+W|\d+D(?:${DUR_TIME})?|${DUR_TIME})$`);

/** `NAME;PARAM=value;PARAM="quoted:value":VALUE`, names upper-cased. */
function parseContentLine(line: string): { name: string; params: Map<string, string>; value: string } | null {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [rawName, ...rawParams] = splitParams(line.slice(0, colon));
  if (!/^[A-Za-z0-9-]+$/.test(rawName)) return null;
  const params = new Map<string, string>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq <= 0) return null;
    params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"(.*)"$/, '$1'));
  }
  return { name: rawName.toUpperCase(), params, value: line.slice(colon + 1) };
}

function splitParams(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === '"') quoted = !quoted;
    else if (head[i] === ';' && !quoted) {
      parts.push(head.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}
