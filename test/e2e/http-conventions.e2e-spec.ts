import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Public, sqlIn } from '@linli/platform';
import { countRecords, createTenant, Tenant } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { bearerFor } from '../support/auth';
import { errorFields, expectProblem } from './identity-e2e.helpers';
import { captureLogLines } from '../support/log-capture';

const SECRET_VALUE = 'secret-parameter-13800138000';

/** A route that fails the way a bug would, to see what a client gets. */
@Controller('v1/test-probe')
class ProbeController {
  constructor(private readonly em: EntityManager) {}

  /** A statement PostgreSQL refuses for a reason no SQLSTATE mapping knows (division by zero). */
  @Public()
  @Get('sql-crash')
  async sqlCrash(): Promise<unknown> {
    return sqlIn(this.em)('SELECT length($1::text) / 0 AS boom', [SECRET_VALUE]);
  }

  @Public()
  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail: connection string postgres://user:pw@db');
  }
}
@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP conventions: problem+json, bounds, health, OpenAPI', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;

  beforeAll(async () => {
    api = await startTestApi({
      extraModules: [ProbeModule],
      config: { BODY_LIMIT_BYTES: '2048', LOG_LEVEL: 'error' },
    });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
  });
  afterAll(() => api.close());

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    expectProblem(
      await api.http.get('/api/v1/no-such-thing').set('authorization', organiser),
      404,
      'ROUTE_NOT_FOUND',
    );
    expectProblem(await api.http.get('/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and a request id', async () => {
    const response = await api.http
      .post('/api/v1/estates')
      .set('authorization', organiser)
      .set('content-type', 'application/json')
      .send('{"name": "x",');
    expectProblem(response, 400, 'MALFORMED_JSON');
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const response = await api.http
      .post('/api/v1/estates')
      .set('authorization', organiser)
      .send({ name: 'big', notes: 'x'.repeat(5000) });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(await countRecords(api.em(), 'estate', { name: 'big' })).toBe(0);
  });

  it('answers wrong types and unknown fields with 400 VALIDATION_FAILED listing each field', async () => {
    const response = await api.http
      .post('/api/v1/estates')
      .set('authorization', organiser)
      .send({ name: 42, households: -1, colour: 'red' });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(errorFields(response).sort()).toEqual(['body.colour', 'body.households', 'body.name']);
  });

  it('answers a non-JSON body with 400, never 500', async () => {
    const response = await api.http
      .post('/api/v1/estates')
      .set('authorization', organiser)
      .set('content-type', 'text/plain')
      .send('name=x');
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('answers an array where an object belongs with 400', async () => {
    expectProblem(
      await api.http
        .post('/api/v1/estates')
        .set('authorization', organiser)
        .send([{ name: 'x' }]),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('answers an unexpected error with 500, a request id and no internals', async () => {
    const response = await api.http.get('/api/v1/test-probe/crash').set('x-request-id', 'trace-me-123');
    expectProblem(response, 500, 'INTERNAL_ERROR');
    expect(response.body.requestId).toBe('trace-me-123');
    expect(JSON.stringify(response.body)).not.toMatch(/secret|postgres:|stack/i);
  });

  it('gives the English title when the client prefers English, Chinese by default', async () => {
    const zh = await api.http.get('/api/v1/me');
    const en = await api.http.get('/api/v1/me').set('accept-language', 'en-GB,en;q=0.9');
    expect(zh.body.title).toBe('请先登录');
    expect(en.body.title).toBe('Authentication required');
  });

  it('reports liveness and readiness', async () => {
    expect((await api.http.get('/health')).body).toEqual({ status: 'ok' });
    expect((await api.http.get('/health/ready')).body).toEqual({
      status: 'ok',
      database: 'up',
      migrations: 'applied',
    });
  });

  it('serves the OpenAPI document generated from the validation schemas, and Swagger UI', async () => {
    const doc = await api.http.get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths).toHaveProperty('/api/v1/estates');
    expect(doc.body.paths).toHaveProperty('/api/v1/auth/login');
    const body = JSON.stringify(doc.body);
    expect(body).toContain('翡翠龙湾小区'); // the estate name's description comes from the zod schema
    // OpenAPI 3.0: a nullable value is `nullable: true`, never a list of types (clients read a list as an array).
    const typeLists: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}/${i}`));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'type' && Array.isArray(value)) typeLists.push(path);
          walk(value, `${path}/${key}`);
        }
      }
    };
    walk(doc.body, '#');
    expect(typeLists).toEqual([]);
    const ui = await api.http.get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  describe('NUL characters (PostgreSQL refuses them) answer 400 VALIDATION_FAILED at the edge', () => {
    it('in the path, unauthenticated', async () => {
      expectProblem(await api.http.get('/cal/public/%00/market.ics'), 400, 'VALIDATION_FAILED');
      expectProblem(await api.http.get(`/cal/abc%00def.ics`), 400, 'VALIDATION_FAILED');
      expectProblem(
        await api.http.get(`/api/v1/estates/${tenant.estate.id}%00`).set('authorization', organiser),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('in a header (Node refuses the request line itself: 400 before any code of ours runs)', async () => {
      const server = (api.app.getHttpServer() as Server).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(
            'GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAccept-Language: en\u0000\r\nConnection: close\r\n\r\n',
          ),
        );
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      await new Promise((resolve) => server.close(resolve));
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    });

    it('in the query', async () => {
      const response = await api.http.get('/api/v1/people?q=a%00b').set('authorization', organiser);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual(['query.q']);
    });

    it('in a login, unauthenticated', async () => {
      const response = await api.http
        .post('/api/v1/auth/login')
        .send({ login: 'organiser\u0000@x.cn', password: 'whatever' });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(errorFields(response)).toEqual(['body.login']);
    });

    it('in any string field or key of a body, nested too, and nothing is written', async () => {
      const field = await api.http
        .post('/api/v1/estates')
        .set('authorization', organiser)
        .send({ name: 'nul\u0000estate' });
      expectProblem(field, 400, 'VALIDATION_FAILED');
      expect(errorFields(field)).toEqual(['body.name']);
      const key = await api.http
        .post('/api/v1/estates')
        .set('authorization', organiser)
        .send({ name: 'nul estate', 'no\u0000tes': 'x' });
      expectProblem(key, 400, 'VALIDATION_FAILED');
      const nested = await api.http
        .post('/api/v1/estates')
        .set('authorization', organiser)
        .send({ name: 'nul estate', tags: [{ deep: ['fine', 'bad\u0000'] }] });
      expectProblem(nested, 400, 'VALIDATION_FAILED');
      expect(errorFields(nested)).toEqual(['body.tags.0.deep.1']);
      expect(await countRecords(api.em(), 'estate', { name: 'nul estate' })).toBe(0);
    });

    it('logs a failed statement by SQLSTATE and a hash, never its text or parameter values', async () => {
      const log = captureLogLines();
      const response = await api.http.get('/api/v1/test-probe/sql-crash');
      expectProblem(response, 500, 'INTERNAL_ERROR');
      await new Promise((resolve) => setImmediate(resolve));
      expect(log.raw()).not.toContain(SECRET_VALUE);
      expect(log.raw()).not.toMatch(/select length/i);
      const line = log.lines().find((entry) => entry.err);
      expect(line?.err).toEqual(
        expect.objectContaining({
          sqlState: '22012',
          statementHash: expect.stringMatching(/^[0-9a-f]{16}$/),
        }),
      );
      expect(JSON.stringify(response.body)).not.toContain(SECRET_VALUE);
    });
  });

  describe('security headers (issue 10, item 9)', () => {
    it('says X-Content-Type-Options: nosniff on every answer', async () => {
      const answers = await Promise.all([
        api.http.get('/health'),
        api.http.get('/api/v1/me'),
        api.http.get('/api/v1/me').set('authorization', organiser),
        api.http.get('/api/v1/no-such-thing'),
        api.http.get('/cal/public/no-such-community/market.ics'),
        api.http.get('/api/docs-json'),
        api.http.get('/api/docs/'),
        api.http.post('/api/v1/auth/login').send({ login: 'x', password: 'y' }),
      ]);
      for (const answer of answers) expect(answer.headers['x-content-type-options']).toBe('nosniff');
    });

    it('says Cache-Control: no-store on every /api answer (personal data, tokens, refusals)', async () => {
      const answers = await Promise.all([
        api.http.get('/api/v1/me').set('authorization', organiser),
        api.http.get(`/api/v1/estates/${tenant.estate.id}`).set('authorization', organiser),
        api.http.get('/api/v1/people').set('authorization', organiser),
        api.http.get('/api/v1/me'),
        api.http.post('/api/v1/auth/login').send({ login: 'x', password: 'y' }),
      ]);
      for (const answer of answers) expect(answer.headers['cache-control']).toMatch(/\bno-store\b/);
    });

    it('protects Swagger UI and the web app’s root with a CSP and frame protection', async () => {
      for (const path of ['/api/docs/', '/']) {
        const answer = await api.http.get(path);
        expect(answer.headers['x-frame-options']).toBe('DENY');
        expect(answer.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
        expect(answer.headers['content-security-policy']).toMatch(/default-src 'self'/);
      }
    });
  });
});
