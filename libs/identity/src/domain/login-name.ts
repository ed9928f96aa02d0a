/**
 * A login is an email (matched case-insensitively) or a phone number (matched on its digits and a
 * leading +, so "138 0000 0000" and "13800000000" are the same login).
 */
export type LoginName = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

export function parseLoginName(raw: string): LoginName {
  const text = raw.trim();
  if (text.includes('@')) return { kind: 'email', value: text.toLowerCase() };
  return { kind: 'phone', value: normalisePhone(text) };
}

export function normalisePhone(text: string): string {
  const trimmed = text.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

/**
 * What login attempts are counted under: the login as parseLoginName reads it, so every spelling of
 * one phone number ("1 0055550000", "x10055550000") or email (any case, spaces) shares one counter.
 * Takes the raw body value: the throttle runs before validation.
 */
export function loginThrottleKey(raw: unknown): string {
  if (typeof raw !== 'string') return '(none)';
  const name = parseLoginName(raw.slice(0, 1000));
  return `${name.kind}:${name.value}`;
}
