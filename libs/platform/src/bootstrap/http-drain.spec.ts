import { Agent, IncomingMessage, Server, ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HttpDrain } from './http-drain';

/**
 * HttpDrain on a plain Node server whose `/held` requests wait until the test releases them, so
 * "in flight when the drain begins" is a fact, not a timing. Clients keep their connections alive.
 */
interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
  socket: Socket;
}

function heldServer() {
  const held: { response: ServerResponse; release: () => void }[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/held') {
      held.push({ response: res, release: () => res.end('held answer') });
      waiters.splice(0).forEach((wake) => wake());
    } else if (req.url === '/streamed') {
      // Headers and half the body now, the rest on release: a streamed answer already under way.
      res.writeHead(200, { 'content-length': '10' });
      res.write('first');
      held.push({ response: res, release: () => res.end('-last') });
      waiters.splice(0).forEach((wake) => wake());
    } else {
      res.end('quick answer');
    }
  });
  // Far beyond any test: unless a test shortens it, no connection closes by Node's keep-alive timeout.
  server.keepAliveTimeout = 10 * 60_000;
  const drain = new HttpDrain(server);
  const heldCount = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (held.length >= count ? resolve() : waiters.push(check));
      check();
    });
  return { server, drain, held, heldCount };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function get(port: number, path: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, connection: res.headers.connection, body, socket: req.socket! }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const closed = (socket: Socket) =>
  new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('HttpDrain', () => {
  const agents: Agent[] = [];
  const keepAlive = () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    return agent;
  };
  afterEach(() => agents.splice(0).forEach((agent) => agent.destroy()));

  it('answers a request in flight in full with Connection: close, refuses new connections, and ends once it is answered', async () => {
    const { server, drain, held, heldCount } = heldServer();
    const port = await listen(server);
    const agent = keepAlive();
    const inFlight = get(port, '/held', agent);
    await heldCount(1);

    let drained = false;
    const drainDone = drain.drain(60_000).then((outcome) => {
      drained = true;
      return outcome;
    });
    expect(drain.inFlight).toBe(1);
    await expect(get(port, '/quick', new Agent())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(drained).toBe(false);

    held[0].release();
    const answer = await inFlight;
    expect(answer).toMatchObject({ status: 200, connection: 'close', body: 'held answer' });
    await closed(answer.socket);
    expect(await drainDone).toEqual({ cut: 0 });
    expect(drain.inFlight).toBe(0);
  });

  it('answers the next request on an idle keep-alive connection, with Connection: close', async () => {
    const { server, drain } = heldServer();
    const port = await listen(server);
    const agent = keepAlive();
    const before = await get(port, '/quick', agent);
    expect(before.connection).toBe('keep-alive');

    const drainDone = drain.drain(60_000);
    // Not closed under a client that may be sending on it right now: its request gets an answer.
    const after = await get(port, '/quick', agent);
    expect(after.socket).toBe(before.socket);
    expect(after).toMatchObject({ status: 200, connection: 'close', body: 'quick answer' });
    await closed(after.socket);
    expect(await drainDone).toEqual({ cut: 0 });
  });

  it('lets a connection that stays idle close at its keep-alive timeout, then ends', async () => {
    const { server, drain } = heldServer();
    server.keepAliveTimeout = 100;
    const port = await listen(server);
    const idle = await get(port, '/quick', keepAlive());
    expect(idle.connection).toBe('keep-alive');

    expect(await drain.drain(60_000)).toEqual({ cut: 0 });
    await closed(idle.socket);
  });

  it('finishes a streamed answer begun before the drain; the next request on its connection is the last', async () => {
    const { server, drain, held, heldCount } = heldServer();
    const port = await listen(server);
    const agent = keepAlive();
    const streamed = get(port, '/streamed', agent);
    await heldCount(1);
    expect(held[0].response.headersSent).toBe(true);

    const drainDone = drain.drain(60_000);
    held[0].release();
    const answer = await streamed;
    // Too late to say Connection: close on this one.
    expect(answer).toMatchObject({ status: 200, connection: 'keep-alive', body: 'first-last' });
    const next = await get(port, '/quick', agent);
    expect(next.socket).toBe(answer.socket);
    expect(next).toMatchObject({ status: 200, connection: 'close' });
    await closed(next.socket);
    expect(await drainDone).toEqual({ cut: 0 });
  });

  it('at the deadline closes the remaining connections, idle or not, and says how many requests that cut', async () => {
    const { server, drain, heldCount } = heldServer();
    const port = await listen(server);
    const idle = await get(port, '/quick', keepAlive());
    const outcomeOf = (answer: Promise<Answer>) =>
      answer.then(
        () => 'answered',
        (error: NodeJS.ErrnoException) => error.code,
      );
    const stuck = [outcomeOf(get(port, '/held', keepAlive())), outcomeOf(get(port, '/held', keepAlive()))];
    await heldCount(2);

    const outcome = await drain.drain(50);
    expect(outcome).toEqual({ cut: 2 });
    expect(await Promise.all(stuck)).toEqual(['ECONNRESET', 'ECONNRESET']);
    await closed(idle.socket);
  });

  it('drains once: a second call gets the same outcome', async () => {
    const { server, drain } = heldServer();
    await listen(server);
    const first = drain.drain(60_000);
    expect(drain.drain(1)).toBe(first);
    expect(await first).toEqual({ cut: 0 });
  });
});
