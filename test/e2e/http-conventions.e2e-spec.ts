import { Controller, Get, Module } from '@nestjs/common';
import { Public } from '@linli/platform';
import { countRecords, createTenant, Tenant } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { bearerFor } from '../support/auth';
import { errorFields, expectProblem } from './identity-e2e.helpers';

/** A route that fails the way a bug would, to see what a client gets. */
@Controller('v1/test-probe')
class ProbeController {
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
    api = await startTestApi({ extraModules: [ProbeModule], config: { BODY_LIMIT_BYTES: '2048' } });
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
    const ui = await api.http.get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
