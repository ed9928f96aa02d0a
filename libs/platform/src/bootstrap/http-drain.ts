import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

export interface DrainOutcome {
  /** Requests still unanswered at the deadline: their connections were closed under them. */
  cut: number;
}

/**
 * Graceful shutdown of one HTTP server (issue 11, item 5; docs/decisions/0020-graceful-shutdown.md).
 * Created before the server listens, it keeps the set of requests not yet answered. `drain()`:
 * - stops accepting connections;
 * - makes every answer not yet begun the last on its connection (`Connection: close`), and so
 *   every request that still arrives on an open keep-alive connection: its client then goes
 *   elsewhere, having had its answer;
 * - leaves idle keep-alive connections open for that one last request: they close when their
 *   keep-alive timeout ends (the one Node announces in `Keep-Alive: timeout=…`, which clients
 *   honour), or at the deadline;
 * - at the deadline, closes whatever connections remain, and reports how many requests that cut.
 * It resolves once every connection has closed.
 */
export class HttpDrain {
  private readonly unanswered = new Set<ServerResponse>();
  private drained?: Promise<DrainOutcome>;

  constructor(private readonly server: Server) {
    // Before Express's listener, so an answer Express sends synchronously still gets the header.
    server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) =>
      this.track(response),
    );
  }

  get draining(): boolean {
    return this.drained !== undefined;
  }

  /** Requests received and not yet fully answered. */
  get inFlight(): number {
    return this.unanswered.size;
  }

  drain(graceMs: number): Promise<DrainOutcome> {
    this.drained ??= new Promise((resolve) => {
      for (const response of this.unanswered) lastOnItsConnection(response);
      let cut = 0;
      const deadline = setTimeout(() => {
        cut = this.unanswered.size;
        this.server.closeAllConnections();
      }, graceMs);
      // net.Server#close only stops accepting, and calls back once the last connection has
      // closed. http.Server#close would also close idle keep-alive connections at once, under any
      // client sending its next request on one right then: most of 16 busy keep-alive clients
      // had a request reset that way (test/resilience/shutdown.resilience-spec.ts).
      NetServer.prototype.close.call(this.server, () => {
        clearTimeout(deadline);
        resolve({ cut });
      });
    });
    return this.drained;
  }

  private track(response: ServerResponse): void {
    this.unanswered.add(response);
    if (this.draining) lastOnItsConnection(response);
    response.once('close', () => this.unanswered.delete(response));
  }
}

function lastOnItsConnection(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('Connection', 'close');
}
