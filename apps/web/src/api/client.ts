import createClient, { type Middleware } from 'openapi-fetch';
import type { Language } from '../i18n/language';
import { DEFAULT_LANGUAGE } from '../i18n/language';
import type { paths } from './schema';
import { ApiProblem, NETWORK_PROBLEM, problemFrom } from './problem';
import { accessToken, endSession, renewSession } from './session';

let language: Language = DEFAULT_LANGUAGE;
/** Problem titles and mail come back in the language the person reads. */
export function setApiLanguage(next: Language): void {
  language = next;
}

/** Copies of requests sent with a token, to send once more after a renewal (their bodies are spent). */
const retryable = new WeakMap<Request, Request>();

const auth: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Accept-Language', language === 'zh-CN' ? 'zh-CN,zh;q=0.9' : 'en');
    const token = await accessToken();
    if (token) {
      request.headers.set('Authorization', `Bearer ${token}`);
      retryable.set(request, request.clone());
    }
    return request;
  },
  async onResponse({ request, response }) {
    const copy = retryable.get(request);
    if (response.status !== 401 || !copy) return response;
    // The token was refused before its time (e.g. the server restarted with a new secret): renew
    // once and repeat; if that fails (account disabled, session ended) the app asks to sign in.
    if (await renewSession()) {
      const token = await accessToken();
      if (token) {
        copy.headers.set('Authorization', `Bearer ${token}`);
        return fetch(copy);
      }
    }
    endSession();
    return response;
  },
};

/** Typed from the API's OpenAPI document (schema.d.ts): a path or field the API lacks does not compile. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiProblem (refusals, failures, no network). */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiProblem(0, NETWORK_PROBLEM);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw problemFrom(result.response.status, result.error);
  }
  return result.data as T;
}

/** A fresh Idempotency-Key: a retried claim is answered, not repeated. */
export function idempotencyKey(): string {
  // crypto.randomUUID exists only on https (and localhost); community Wi-Fi may serve plain http.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
