import { registeredErrorCodes } from '@linli/platform';
import '../../../config/contexts'; // every context declares its error codes as it loads
import { zhCN } from '../src/i18n/messages.zh-CN';

/**
 * The web app shows refusals in its own words (problem.<CODE> in the catalogues), so a code the
 * API adds must get words before a person meets it as the server's terse title. Codes a person
 * cannot cause by using the app (a client's bug, a calendar client's, a link in a mail) fall back
 * to that title and are listed here with the reason.
 */
const SERVER_TITLE_IS_ENOUGH: Record<string, string> = {
  MALFORMED_JSON: 'the app sends JSON it built itself',
  UNSUPPORTED_MEDIA_TYPE: 'the app always sends application/json',
  PAYLOAD_TOO_LARGE: 'no volunteer form comes near the body limit',
  ROUTE_NOT_FOUND: 'the typed client only calls documented routes',
  METHOD_NOT_ALLOWED: 'the typed client only calls documented methods',
  IDEMPOTENCY_KEY_REUSED: 'each attempt has its own key',
  IDEMPOTENCY_IN_PROGRESS: 'a double tap waits for the first answer',
  ALREADY_EXISTS: 'no volunteer page creates named records',
  CONFLICT: 'no volunteer page edits shared records',
  REFERENCE_INVALID: 'ids come from the API’s own answers',
  CALENDAR_FEED_GONE: 'answered to calendar clients polling a revoked feed, not to the app',
  UNSUBSCRIBE_TOKEN_INVALID: 'the unsubscribe link in a mail, not a page of the app yet',
};
/** Contexts whose refusals the volunteer's pages meet; organisers' pages (holidays) come later. */
const CONTEXTS = ['platform', 'identity', 'volunteering', 'calendar', 'reminders'];

describe('the web app’s words for API refusals', () => {
  const codes = [...registeredErrorCodes()]
    .filter(([, entry]) => CONTEXTS.includes(entry.context))
    .map(([code]) => code);

  it('cover every code a volunteer can meet', () => {
    const missing = codes.filter((code) => !(`problem.${code}` in zhCN) && !(code in SERVER_TITLE_IS_ENOUGH));
    expect(missing).toEqual([]);
  });

  it('name only codes the API has (a renamed code would silently lose its words)', () => {
    const known = new Set(registeredErrorCodes().keys());
    const stale = Object.keys(zhCN)
      .filter((key) => key.startsWith('problem.') && key !== 'problem.network' && key !== 'problem.unknown')
      .map((key) => key.slice('problem.'.length))
      .filter((code) => !known.has(code));
    expect(stale).toEqual([]);
    expect(Object.keys(SERVER_TITLE_IS_ENOUGH).filter((code) => !known.has(code))).toEqual([]);
  });
});
