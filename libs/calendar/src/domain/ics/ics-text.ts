/**
 * iCalendar text primitives (RFC 5545 3.1 and 3.3.11): TEXT escaping, octet-based folding, CRLF.
 * Written for the hot path of feed rendering: no TextEncoder, no per-character allocation.
 */

export const CRLF = '\r\n';
/** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const MAX_LINE_OCTETS = 75;

const NEEDS_ESCAPE = /[\\;,\r\n]/;
const ESCAPES = /\\|;|,|\r\n|\r|\n/g;
// CONTROL characters are not allowed in TEXT (RFC 5545 3.3.11); HTAB is.
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */

const escapeOne = (match: string): string => {
  switch (match) {
    case '\\':
      return '\\\\';
    case ';':
      return '\\;';
    case ',':
      return '\\,';
    default:
      return '\\n';
  }
};

/** A TEXT value: backslash, semicolon and comma escaped, any line break as `\n`, controls dropped. */
export function escapeText(value: string): string {
  let text = HAS_CONTROL.test(value) ? value.replace(CONTROLS, '') : value;
  if (NEEDS_ESCAPE.test(text)) text = text.replace(ESCAPES, escapeOne);
  return text;
}

/** Octets of a string in UTF-8 (a lone surrogate counts as the 3-octet replacement character). */
export function utf8Length(text: string): number {
  let octets = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) octets += 1;
    else if (code < 0x800) octets += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      octets += 4;
      i++;
    } else octets += 3;
  }
  return octets;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Folds one content line so that no physical line exceeds 75 octets (the leading space of a
 * continuation counts), breaking only between characters: a Chinese character (3 octets) or an
 * emoji (4 octets, a surrogate pair) is never split.
 */
export function foldLine(line: string): string {
  // Up to 25 UTF-16 units can never exceed 75 octets (at most 3 octets per unit).
  if (line.length <= 25) return line;
  let folded = '';
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let size: number;
    let units = 1;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(line.charCodeAt(i + 1))) {
      size = 4;
      units = 2;
    } else size = 3;
    if (octets + size > MAX_LINE_OCTETS) {
      folded += line.slice(start, i) + CRLF + ' ';
      start = i;
      octets = 1; // the continuation's leading space
    }
    octets += size;
    i += units - 1;
  }
  return start === 0 ? line : folded + line.slice(start);
}

/** Content lines to an iCalendar body fragment: each line folded and ended with CRLF. */
export function joinLines(lines: readonly string[]): string {
  let body = '';
  for (const line of lines) body += foldLine(line) + CRLF;
  return body;
}
