import type { DeclaredKind } from './holiday-day';

/** Bounds on one imported file: a year has about 30 declared days; these leave room and stop abuse. */
export const IMPORT_LIMITS = {
  maxBytes: 200 * 1024,
  maxDays: 400,
  maxNameLength: 50,
  maxNoteLength: 500,
  /** Problems reported at once: enough to fix a file in one go, short enough to read. */
  maxProblems: 20,
} as const;

export const IMPORT_FORMATS = ['json', 'ics'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportedDay {
  date: string;
  kind: DeclaredKind;
  name: string;
  note: string | null;
}

/** A day as read from the file, with where it was found, before the checks that apply to every format. */
export interface DayCandidate extends ImportedDay {
  /** e.g. `entry 3` or `line 12 (国庆节 休)`. */
  where: string;
}

export type ReadResult = { ok: true; candidates: DayCandidate[] } | { ok: false; problems: string[] };

export const unreadable = (...problems: string[]): { ok: false; problems: string[] } => ({
  ok: false,
  problems,
});
