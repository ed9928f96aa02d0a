import { DECLARED_KINDS, type DeclaredKind } from './holiday-day';
import { DayCandidate, IMPORT_LIMITS, ReadResult, unreadable } from './holiday-file';

const KEYS = new Set(['date', 'kind', 'name', 'note']);

/** A JSON array of `{date, kind: 'off' | 'workday', name, note?}`, one entry per day. */
export function readJsonDays(content: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return unreadable(`content is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data))
    return unreadable('content must be a JSON array of {"date", "kind", "name"} entries');
  // Checked before reading the entries, so a huge array costs nothing more.
  if (data.length > IMPORT_LIMITS.maxDays) {
    return unreadable(`the file has ${data.length} days; at most ${IMPORT_LIMITS.maxDays} per year`);
  }
  const candidates: DayCandidate[] = [];
  const problems: string[] = [];
  data.forEach((entry: unknown, index) => {
    const where = `entry ${index + 1}`;
    const read = readEntry(entry, where);
    if (typeof read === 'string') problems.push(read);
    else candidates.push(read);
  });
  return problems.length ? unreadable(...problems) : { ok: true, candidates };
}

function readEntry(entry: unknown, where: string): DayCandidate | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return `${where}: expected an object like {"date": "2027-10-01", "kind": "off", "name": "国庆节"}`;
  }
  const fields = entry as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !KEYS.has(key));
  if (unknown.length) return `${where}: unknown field ${unknown.map((key) => `"${key}"`).join(', ')}`;
  const { date, kind, name, note } = fields;
  if (typeof date !== 'string') return `${where}: "date" must be a string like "2027-10-01"`;
  if (!DECLARED_KINDS.includes(kind as DeclaredKind)) {
    return `${where} (${date}): "kind" must be "off" (休) or "workday" (班)`;
  }
  if (typeof name !== 'string') return `${where} (${date}): "name" must be a string such as "国庆节"`;
  if (note !== undefined && note !== null && typeof note !== 'string')
    return `${where} (${date}): "note" must be a string`;
  return { where, date, kind: kind as DeclaredKind, name, note: (note as string | null | undefined) ?? null };
}
