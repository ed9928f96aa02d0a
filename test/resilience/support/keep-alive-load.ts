import { execFileSync } from 'node:child_process';
import { Agent, request } from 'node:http';

/**
 * HTTP clients that keep their connection alive and say exactly how each request ended, for
 * shutdown tests: a full answer (with its status and `Connection` header), a refused connection,
 * a connection closed before any answer, or an answer cut off after it had begun.
 */
export type Outcome =
  | { kind: 'answered'; status: number; connection?: string; body: string }
  | { kind: 'refused' }
  | { kind: 'closed-before-answer'; code?: string }
  | { kind: 'cut-mid-answer'; status: number; code?: string };

export class KeepAliveClient {
  /** One connection, reused while the server keeps it open (Node's agent reconnects after a close). */
  readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly port: number) {}

  get(path: string, headers: Record<string, string> = {}): Promise<Outcome> {
    return this.send(path, headers).outcome;
  }

  /**
   * `sent` resolves once the whole request is handed to the operating system, with the local
   * port of its connection (the server's peer port; see serverHasRead).
   */
  send(
    path: string,
    headers: Record<string, string> = {},
  ): { sent: Promise<number>; outcome: Promise<Outcome> } {
    let sent!: Promise<number>;
    const outcome = new Promise<Outcome>((resolve) => {
      const req = request({ host: '127.0.0.1', port: this.port, path, headers, agent: this.agent }, (res) => {
        let body = '';
        const declared = Number(res.headers['content-length'] ?? NaN);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ kind: 'cut-mid-answer', status: res.statusCode!, code: error.code }),
        );
        res.on('aborted', () => resolve({ kind: 'cut-mid-answer', status: res.statusCode! }));
        res.on('end', () => {
          const complete = Number.isNaN(declared) || Buffer.byteLength(body) === declared;
          resolve(
            complete && res.complete
              ? { kind: 'answered', status: res.statusCode!, connection: res.headers.connection, body }
              : { kind: 'cut-mid-answer', status: res.statusCode! },
          );
        });
      });
      sent = new Promise((resolveSent, rejectSent) => {
        req.once('finish', () => resolveSent(req.socket!.localPort!));
        req.once('error', rejectSent);
      });
      sent.catch(() => undefined); // the outcome reports the failure
      req.on('error', (error: NodeJS.ErrnoException) =>
        resolve(
          error.code === 'ECONNREFUSED'
            ? { kind: 'refused' }
            : { kind: 'closed-before-answer', code: error.code },
        ),
      );
      req.end();
    });
    return { sent, outcome };
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * True once the server listening on `port` has read every byte sent on the connections from
 * `peerPorts` (the clients' local ports): its accept queue is empty, and each of those connections
 * is accepted with an empty receive queue (Linux `ss`). Node parses what it reads in the same
 * callback, so from then on each request sent on them is known to the server: in flight, not
 * merely on the wire.
 */
export function serverHasRead(port: number, peerPorts: number[]): boolean {
  const lines = (state: string) =>
    execFileSync('ss', ['-Htn', 'state', state, `( sport = :${port} )`], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => line.trim().split(/\s+/));
  // With a state filter ss prints no State column: Recv-Q, Send-Q, local address, peer address.
  const empty = (fields: string[]) => Number(fields[0]) === 0;
  const established = new Map(lines('established').map((fields) => [fields[3].split(':').pop(), fields]));
  return (
    lines('listening').every(empty) &&
    peerPorts.every((peer) => {
      const connection = established.get(String(peer));
      return connection !== undefined && empty(connection);
    })
  );
}
