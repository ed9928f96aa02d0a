import { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  raw: string;
}

/** What the sink answers to MAIL FROM: accept, or an SMTP error with this code. */
export type SinkReply = (address: string) => number | undefined;

export interface SmtpSink {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** How many messages arrived per Message-ID. */
  countsByMessageId(): Map<string, number>;
  /** Message-IDs that arrived more than once, with their counts. */
  duplicates(): Map<string, number>;
  /** Change how RCPT TO is answered (e.g. 421 for a while, 550 for one address). */
  replyWith(reply: SinkReply | undefined): void;
  /** Take this long over each message before accepting it (a slow server); 0 for none. */
  delayEachMessage(ms: number): void;
  close(): Promise<void>;
}

const headerValue = (raw: string, name: string) =>
  new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw.split(/\r?\n\r?\n/)[0])?.[1].trim() ?? '';

/**
 * A real SMTP server (the smtp-server package) on loopback and a free port: accepts anything
 * without auth, keeps what it received. `replyWith` makes it refuse recipients with a code;
 * `delayMs` (or `delayEachMessage`) makes it slow: each message is accepted that long after its
 * data arrived, and counted as received only then (what a client that got "250 OK" has sent).
 */
export async function startSmtpSink(
  options: { keepRaw?: boolean; delayMs?: number } = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let reply: SinkReply | undefined;
  let delayMs = options.delayMs ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    maxClients: 1000,
    onRcptTo(address, _session, callback) {
      const code = reply?.(address.address);
      if (code === undefined) return callback();
      const error = new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later') as Error & {
        responseCode: number;
      };
      error.responseCode = code;
      callback(error);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          received.push({
            messageId: headerValue(raw, 'Message-ID'),
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: options.keepRaw === false ? '' : raw,
          });
          callback();
        };
        if (delayMs > 0) setTimeout(accept, delayMs);
        else accept();
      });
    },
  });
  // A client killed mid-session (the race test SIGKILLs a worker) resets its connection: expected
  // here, and an 'error' event nobody listens to would fail the whole test file.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const countsByMessageId = () => {
    const counts = new Map<string, number>();
    for (const mail of received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  };
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    countsByMessageId,
    duplicates: () => new Map([...countsByMessageId()].filter(([, count]) => count > 1)),
    replyWith(next) {
      reply = next;
    },
    delayEachMessage(ms) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
