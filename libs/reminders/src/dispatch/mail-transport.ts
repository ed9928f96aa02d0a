import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { SendFailure } from './retry-policy';

/** One message as the dispatcher hands it to a transport. */
export interface OutgoingMail {
  /** mail_outbox.id: names the .eml file in the dev mailbox. */
  id: string;
  communityId: string;
  kind: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  ics?: string | null;
  icsMethod?: string | null;
  /** Deterministic, with angle brackets: a resend after a crash carries the same one. */
  messageId: string;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** Where mail goes: SMTP (SMTP_URL) or the dev mailbox. Throws the transport's error on failure. */
export interface MailTransport {
  readonly name: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function toNodemailer(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    // iTIP (RFC 6047): nodemailer adds the text/calendar alternative with METHOD in its content type.
    ...(mail.ics ? { icalEvent: { method: mail.icsMethod ?? 'REQUEST', content: mail.ics } } : {}),
    messageId: mail.messageId,
    headers: { 'X-Linli-Community': mail.communityId, 'X-Linli-Kind': mail.kind },
  };
}

/** The facts the retry policy needs from a nodemailer error. */
export function sendFailureOf(error: unknown): SendFailure {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : undefined,
    responseCode: typeof e?.responseCode === 'number' ? e.responseCode : undefined,
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
}

/**
 * Pooled SMTP: `poolSize` connections kept open and reused; the dispatcher sends one message per
 * connection at a time. A server that stops answering is given up on within a quarter of the
 * dispatch lease (at most 30 s to connect or greet, 60 s of silence), so a send started in the
 * lease's first half ends, and its outcome is written, before the lease does.
 */
export class SmtpMailTransport implements MailTransport {
  readonly name = 'smtp';
  private readonly transporter: Transporter;

  constructor(url: string, poolSize: number, leaseSeconds = 120) {
    const quarterLeaseMs = (leaseSeconds * 1000) / 4;
    this.transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: poolSize,
      maxMessages: 1000,
      connectionTimeout: Math.min(30_000, quarterLeaseMs),
      greetingTimeout: Math.min(30_000, quarterLeaseMs),
      socketTimeout: Math.min(60_000, quarterLeaseMs),
    } as Parameters<typeof nodemailer.createTransport>[0]);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(toNodemailer(mail));
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * The embedded default without SMTP_URL: each message, built into real MIME by nodemailer, is
 * written to `<dir>/<communityId>.<id>.eml` (a resend overwrites the same file), so a newcomer can
 * open what would have been sent in any mail client or through GET /api/v1/dev/mailbox.
 */
export class FileMailboxTransport implements MailTransport {
  readonly name = 'mailbox';
  private readonly transporter: Transporter;

  constructor(readonly dir: string) {
    this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail(toNodemailer(mail))) as { message: Buffer };
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, mailboxFileName(mail.communityId, mail.id));
    // Written whole, then renamed: a reader never sees half a message.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, info.message);
    renameSync(partial, file);
  }

  close(): void {
    this.transporter.close();
  }
}

export const mailboxFileName = (communityId: string, id: string) => `${communityId}.${id}.eml`;

export function createMailTransport(options: {
  smtpUrl?: string;
  poolSize: number;
  leaseSeconds?: number;
  dataDir: string;
}): MailTransport {
  return options.smtpUrl
    ? new SmtpMailTransport(options.smtpUrl, options.poolSize, options.leaseSeconds)
    : new FileMailboxTransport(join(options.dataDir, 'mail'));
}
