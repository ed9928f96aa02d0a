import { DayCandidate, IMPORT_LIMITS, ImportFormat, ImportedDay, unreadable } from './holiday-file';
import { readIcsDays } from './ics-holiday-file';
import { readJsonDays } from './json-holiday-file';
import { isLocalDate, yearOf } from './local-date';

export type ImportResult = { ok: true; days: ImportedDay[] } | { ok: false; problems: string[] };

/**
 * Reads a year's holiday file (JSON or iCalendar) into days, or says everything wrong with it.
 * All or nothing: one bad entry rejects the file, so an import never half-replaces a year.
 */
export function parseHolidayImport(input: {
  year: number;
  format: ImportFormat;
  content: string;
}): ImportResult {
  const bytes = new TextEncoder().encode(input.content).length;
  if (bytes > IMPORT_LIMITS.maxBytes) {
    return unreadable(
      `the file is ${Math.ceil(bytes / 1024)} KB; at most ${IMPORT_LIMITS.maxBytes / 1024} KB`,
    );
  }
  const read = input.format === 'json' ? readJsonDays(input.content) : readIcsDays(input.content);
  if (!read.ok) return limitProblems(read.problems);
  return checkDays(input.year, read.candidates);
}

/** The checks every format shares: real dates inside the year, names, no contradictions, bounded. */
export function checkDays(year: number, candidates: DayCandidate[]): ImportResult {
  if (candidates.length === 0) return unreadable('the file declares no days');
  if (candidates.length > IMPORT_LIMITS.maxDays) {
    return unreadable(
      `the file has more than ${IMPORT_LIMITS.maxDays} days; a year has far fewer declared days`,
    );
  }
  const problems: string[] = [];
  const byDate = new Map<string, DayCandidate>();
  for (const candidate of candidates) {
    const problem = checkDay(year, candidate, byDate.get(candidate.date));
    if (problem) problems.push(problem);
    else
      byDate.set(candidate.date, {
        ...candidate,
        name: candidate.name.trim(),
        note: candidate.note?.trim() || null,
      });
  }
  if (problems.length) return limitProblems(problems);
  const days = [...byDate.values()]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ date, kind, name, note }) => ({ date, kind, name, note }));
  return { ok: true, days };
}

function checkDay(year: number, day: DayCandidate, earlier: DayCandidate | undefined): string | undefined {
  if (!isLocalDate(day.date)) return `${day.where}: "${day.date}" is not a valid date like ${year}-10-01`;
  if (yearOf(day.date) !== year) return `${day.where}: ${day.date} is outside ${year}`;
  const name = day.name.trim();
  if (!name) return `${day.where}: ${day.date} has no name`;
  if (name.length > IMPORT_LIMITS.maxNameLength) {
    return `${day.where}: the name of ${day.date} is longer than ${IMPORT_LIMITS.maxNameLength} characters`;
  }
  if ((day.note?.length ?? 0) > IMPORT_LIMITS.maxNoteLength) {
    return `${day.where}: the note of ${day.date} is longer than ${IMPORT_LIMITS.maxNoteLength} characters`;
  }
  // The same day listed twice alike is harmless (overlapping feed events); listed two ways, it is a contradiction.
  if (earlier && (earlier.kind !== day.kind || earlier.name.trim() !== name)) {
    return `${day.where}: ${day.date} is already declared by ${earlier.where} as ${earlier.kind} ${earlier.name}`;
  }
  return undefined;
}

function limitProblems(problems: string[]): ImportResult {
  const shown = problems.slice(0, IMPORT_LIMITS.maxProblems);
  const more = problems.length - shown.length;
  return unreadable(...shown, ...(more > 0 ? [`… and ${more} more problems`] : []));
}
