import { createTenant, Tenant } from '@linli/identity/testing';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { subscribedFeed, tokenOf } from './calendar-e2e.helpers';
import { captureLogLines } from '../../support/log-capture';

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
