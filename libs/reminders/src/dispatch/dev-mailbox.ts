import { Inject, Injectable } from '@nestjs/common';
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig, DomainError, notFound } from '@linli/platform';
import { mailboxFileName } from './mail-transport';

export interface MailboxEntry {
  id: string;
  subject: string;
  to: string;
  from: string;
  date: string | null;
  messageId: string | null;
  kind: string | null;
  /** Relative to DATA_DIR. */
  path: string;
  size: number;
}

/** Only the headers are read for the list. */
const HEADER_BYTES = 16 * 1024;
const FILE = /^([0-9a-f-]{36})\.([0-9a-f-]{36})\.eml$/;

/**
 * The dev mailbox: the .eml files FileMailboxTransport writes when SMTP_URL is unset, listed per
 * community (the community id is the file name's first part), newest first.
 */
@Injectable()
export class DevMailbox {
  readonly dir: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.dir = join(config.dataDir, 'mail');
  }

  list(communityId: string, page: number, pageSize: number): { items: MailboxEntry[]; total: number } {
    this.requireEnabled();
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return { items: [], total: 0 };
    }
    const files = names
      .map((name) => FILE.exec(name))
      .filter((match): match is RegExpExecArray => match !== null && match[1] === communityId)
      .map((match) => {
        const stats = statSync(join(this.dir, match[0]));
        return { name: match[0], id: match[2], mtime: stats.mtimeMs, size: stats.size };
      })
      .sort((a, b) => b.mtime - a.mtime || a.id.localeCompare(b.id));
    const items = files.slice((page - 1) * pageSize, page * pageSize).map((file) => {
      const headers = parseHeaders(readHead(join(this.dir, file.name)));
      return {
        id: file.id,
        subject: decodeWords(headers.get('subject') ?? ''),
        to: decodeWords(headers.get('to') ?? ''),
        from: decodeWords(headers.get('from') ?? ''),
        date: headers.get('date') ? new Date(headers.get('date')!).toISOString() : null,
        messageId: headers.get('message-id') ?? null,
        kind: headers.get('x-linli-kind') ?? null,
        path: join('mail', file.name),
        size: file.size,
      };
    });
    return { items, total: files.length };
  }

  /** The raw message (RFC 5322), as a mail client would open it. */
  read(communityId: string, id: string): string {
    this.requireEnabled();
    try {
      return readFileSync(join(this.dir, mailboxFileName(communityId, id)), 'utf8');
    } catch {
      throw notFound('Message');
    }
  }

  private requireEnabled(): void {
    if (this.config.mail.smtpUrl) {
      throw new DomainError('NOT_FOUND', 'The dev mailbox is off: mail goes to SMTP_URL');
    }
  }
}

function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    const text = buffer.subarray(0, read).toString('utf8');
    const end = text.search(/\r?\n\r?\n/);
    return end === -1 ? text : text.slice(0, end);
  } finally {
    closeSync(fd);
  }
}

/** Header name (lower case) -> unfolded value; the first occurrence wins. */
export function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=), as nodemailer writes non-ASCII headers. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return new TextDecoder(/^utf-?8$/i.test(charset) ? 'utf-8' : charset).decode(bytes);
    });
}
