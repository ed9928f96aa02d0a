import { hasMessage, type Translate } from '../i18n/translate';

/**
 * A refusal or failure from the API (RFC 9457 problem+json with a stable `code`), or the network.
 * Pages show `problemMessage`: the message catalogue's words for the code.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own title, in the language asked for: used for codes the catalogue lacks. */
    readonly title?: string,
    readonly detail?: string,
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }
}

export const NETWORK_PROBLEM = 'NETWORK';

export function problemFrom(status: number, body: unknown): ApiProblem {
  const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return new ApiProblem(
    status,
    text(problem.code) ?? (status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN'),
    text(problem.title),
    text(problem.detail),
  );
}

export function problemCode(error: unknown): string | undefined {
  return error instanceof ApiProblem ? error.code : undefined;
}

/** Words for the person in front of the screen: the catalogue's, else the server's title. */
export function problemMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiProblem)) return t('problem.unknown');
  if (error.code === NETWORK_PROBLEM) return t('problem.network');
  const key = `problem.${error.code}`;
  if (hasMessage(key)) return t(key);
  return error.title ?? t('problem.unknown');
}
