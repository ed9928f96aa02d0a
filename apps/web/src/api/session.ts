import { useSyncExternalStore } from 'react';
import type { components } from './schema';

export type Me = components['schemas']['MeDto_Output'];
type SignInAnswer = components['schemas']['LoginResponseDto_Output'];

/**
 * The browser's sign-in, all in this one module. The access token (15 minutes) and who it belongs
 * to are kept in sessionStorage: a reload keeps the tab signed in and no other site reads it. The
 * refresh token is an HttpOnly cookie the API sets at sign-in (no script here ever sees it):
 * - a token about to expire is renewed before a request goes out (POST /auth/refresh, one at a
 *   time: each refresh token is good once, and a used one presented again ends the session);
 * - a new tab, or a tab after its access token expired, restores the sign-in from the cookie once
 *   at start, before deciding the visitor is signed out;
 * - signing out ends the cookie's session on the server (POST /auth/logout).
 */
interface Session {
  accessToken: string;
  /** ms since epoch: the token's expiry as the API gave it */
  expiresAt: number;
  me: Me;
}
/** `left`: signed out here on purpose (the app then offers sign-in without "come back to …"). */
export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out' | 'left';

const STORAGE_KEY = 'linli.session';
/** Renewed this long before it expires, so no request carries a token that runs out in flight. */
const RENEW_BEFORE_MS = 60_000;

let current: Session | null = read();
let status: SessionStatus = current ? 'signed-in' : 'signed-out';
let renewal: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

function write(session: Session | null, next: SessionStatus = session ? 'signed-in' : 'signed-out'): void {
  current = session;
  status = next;
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage blocked: the session lasts as long as the page
  }
  listeners.forEach((listener) => listener());
}

export function startSession(answer: SignInAnswer): void {
  write({ accessToken: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000, me: answer.me });
}

/** Forgets the sign-in here (the server ends the cookie's session on signOut). */
export function endSession(): void {
  if (current || status !== 'signed-out') write(null);
}

/** Signs out on the server too: the refresh cookie's session ends and the cookie is cleared. */
export async function signOut(): Promise<void> {
  write(null, 'left');
  try {
    await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'same-origin' });
  } catch {
    // offline: the access token is forgotten here; the cookie's session expires on its own
  }
}

/**
 * A new access token from the refresh cookie; one request at a time (the cookie's token is good
 * once). false when there is no session to renew (no cookie, expired, ended, account disabled).
 */
export function renewSession(): Promise<boolean> {
  renewal ??= (async () => {
    try {
      const refresh = () =>
        fetch('/api/v1/auth/refresh', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
      // Tabs share the cookie: two refreshing at once would present one token twice and end the
      // session. Web Locks (https and localhost only) make them take turns.
      const response = navigator.locks
        ? await navigator.locks.request('linli.refresh', refresh)
        : await refresh();
      if (!response.ok) {
        write(null);
        return false;
      }
      startSession((await response.json()) as SignInAnswer);
      return true;
    } catch {
      // offline: keep what we have; the next request tries again
      if (status === 'restoring') write(null);
      return false;
    } finally {
      renewal = null;
    }
  })();
  return renewal;
}

/** At start: a tab without a usable token tries the refresh cookie once before showing sign-in. */
export function restoreSession(): void {
  if (current && current.expiresAt - RENEW_BEFORE_MS > Date.now()) return;
  status = 'restoring';
  void renewSession();
}

/** The token to send: renewed first when it is about to expire; undefined when signed out. */
export async function accessToken(): Promise<string | undefined> {
  if (status === 'restoring' && renewal) await renewal;
  if (!current) return undefined;
  if (current.expiresAt - RENEW_BEFORE_MS <= Date.now()) await renewSession();
  return current?.accessToken;
}

export function currentMe(): Me | undefined {
  return current?.me;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Who is signed in (re-renders on sign-in and sign-out). */
export function useMe(): Me | undefined {
  return useSyncExternalStore(subscribe, currentMe);
}

export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(subscribe, () => status);
}
