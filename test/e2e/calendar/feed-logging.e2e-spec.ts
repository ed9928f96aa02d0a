import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { createTenant, Tenant } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { subscribedFeed, tokenOf } from './calendar-e2e.helpers';

/** Request log lines as JSON, captured from the root logger's stream (nothing reaches stdout). */
function captureLogLines(): { lines: () => Record<string, unknown>[]; raw: () => string } {
  const stream = (PinoLogger.root as unknown as Record<symbol, { write: (chunk: string) => boolean }>)[
    pino.symbols.streamSym
  ];
  const chunks: string[] = [];
  stream.write = (chunk: string) => {
    chunks.push(chunk);
    return true;
  };
  const raw = () => chunks.join('');
  return {
    raw,
    lines: () =>
      raw()
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('feed URLs in logs', () => {
  let api: TestApi;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startTestApi({ config: { LOG_LEVEL: 'info' } });
    tenant = await createTenant(api.em());
  });
  afterAll(() => api.close());

  it('logs /cal/[token], never the token, for answered, conditional and refused requests', async () => {
    const log = captureLogLines();
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const token = tokenOf(feed.url);
    const ok = await api.http.get(feed.path);
    expect(ok.status).toBe(200);
    expect((await api.http.get(feed.path).set('if-none-match', ok.headers['etag'])).status).toBe(304);
    await api.http.delete(`/api/v1/calendar-subscriptions/${feed.id}`).set('authorization', volunteer);
    expect((await api.http.head(feed.path)).status).toBe(200);
    expect((await api.http.get(`/cal/${'x'.repeat(43)}.ics?utm=${token}`)).status).toBe(404);
    await new Promise((resolve) => setImmediate(resolve));

    const feedLines = log
      .lines()
      .filter((line) => String((line.req as { url?: string } | undefined)?.url).startsWith('/cal/'));
    expect(feedLines).toHaveLength(4);
    for (const line of feedLines) expect((line.req as { url: string }).url).toBe('/cal/[token]');
    expect(log.raw()).not.toContain(token);
  });
});
