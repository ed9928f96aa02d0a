import { LIMITS, type ExpansionWindow } from '@linli/recurrence';

export type WindowResult =
  | { ok: true; window: Required<ExpansionWindow> }
  | { ok: false; problem: 'empty' | 'too_long'; field: 'from' | 'to'; message: string };

function addUtcYears(instant: number, years: number): number {
  const date = new Date(instant);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
}

/**
 * The preview's window: from the series' first start for one year unless the caller says otherwise,
 * never empty and never longer than the engine's bound (10 years), checked here to name the field.
 */
export function previewWindow(input: {
  firstStart: number;
  from?: string;
  to?: string;
  limit: number;
}): WindowResult {
  const from = input.from === undefined ? input.firstStart : Date.parse(input.from);
  const to = input.to === undefined ? addUtcYears(from, 1) : Date.parse(input.to);
  if (to <= from) {
    const start = new Date(from).toISOString();
    return { ok: false, problem: 'empty', field: 'to', message: `"to" must be after "from" (${start})` };
  }
  if (to > addUtcYears(from, LIMITS.maxWindowYears)) {
    return {
      ok: false,
      problem: 'too_long',
      field: 'to',
      message: `the window is longer than ${LIMITS.maxWindowYears} years; preview a shorter span`,
    };
  }
  return { ok: true, window: { from, to, limit: input.limit } };
}
