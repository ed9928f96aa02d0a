import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTenant, Tenant } from '@linli/identity/testing';
import { FixedClock, MetricsServer } from '@linli/platform';
import { createShift } from '@linli/volunteering/testing';
import {
  FakeCalendarScopesModule,
  FakeCalendarSource,
  FakeCalendarSourceModule,
  makeCalendarEntry,
} from '@linli/calendar/testing';
import { startTestApi, TestApi } from '../support/test-api';
import { bearerFor } from '../support/auth';
import { insertDueMail } from '../support/mail-outbox-rows';
import { subscribedFeed, tokenOf } from './calendar/calendar-e2e.helpers';
import { signedInVolunteer } from './volunteering/volunteering-e2e.helpers';

const START = new Date('2026-12-01T02:00:00Z');
const TOKEN = 'metrics-token-for-the-e2e-0123456789';

/** One sample of a Prometheus text exposition: `name{a="x",b="y"} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name and these labels; 0 when there is none yet. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  const found = samples(text).filter(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
}

describe('/metrics: Prometheus text on a port of its own, behind METRICS_TOKEN', () => {
  let api: TestApi;
  let pool: Pool;
  let tenant: Tenant;
  let metricsUrl: string;
  const clock = new FixedClock(START);

  const scrape = async (): Promise<string> => {
    const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    api = await startTestApi({
      clock,
      // Two polls per feed and hour, so the third answers 429.
      config: { METRICS_PORT: '0', METRICS_TOKEN: TOKEN, FEED_LIMIT_PER_HOUR: '2' },
      extraModules: [FakeCalendarSourceModule, FakeCalendarScopesModule],
    });
    pool = new Pool({ connectionString: api.database.url, max: 2 });
    tenant = await createTenant(api.em());
    metricsUrl = `http://127.0.0.1:${api.app.get(MetricsServer).address()!.port}/metrics`;
  });
  afterAll(async () => {
    await pool.end();
    await api.close();
  });

  it('reads the outbox at scrape time: depth, age of the oldest due row, failed and retrying rows', async () => {
    const minute = 60_000;
    await insertDueMail(pool, {
      communityId: tenant.community.id,
      count: 2,
      availableAt: new Date(START.getTime() - 90_000),
    });
    await insertDueMail(pool, {
      communityId: tenant.community.id,
      count: 1,
      availableAt: new Date(START.getTime() - minute),
    });
    // Scheduled for later: pending, but not part of the depth.
    await insertDueMail(pool, {
      communityId: tenant.community.id,
      count: 3,
      availableAt: new Date(START.getTime() + 60 * minute),
    });
    const [failed] = await insertDueMail(pool, { communityId: tenant.community.id, count: 1 });
    await pool.query(`UPDATE mail_outbox SET status = 'failed', attempts = 8 WHERE id = $1`, [failed]);
    const [retrying] = await insertDueMail(pool, {
      communityId: tenant.community.id,
      count: 1,
      availableAt: new Date(START.getTime() + 5 * minute),
    });
    await pool.query(`UPDATE mail_outbox SET attempts = 1 WHERE id = $1`, [retrying]);

    const text = await scrape();
    const mail = { channel: 'mail' };
    expect(valueOf(text, 'linli_outbox_due_rows', mail)).toBe(3);
    expect(valueOf(text, 'linli_outbox_oldest_due_age_seconds', mail)).toBe(90);
    expect(valueOf(text, 'linli_outbox_failed_rows', mail)).toBe(1);
    expect(valueOf(text, 'linli_outbox_retrying_rows', mail)).toBe(1);
    expect(valueOf(text, 'linli_outbox_sending_rows', mail)).toBe(0);

    // A dispatcher takes the oldest two under a lease: they leave the depth and are "sending".
    await pool.query(`UPDATE mail_outbox SET status = 'sending', lease_until = $1 WHERE available_at = $2`, [
      new Date(START.getTime() + 2 * minute),
      new Date(START.getTime() - 90_000),
    ]);
    const later = await scrape();
    expect(valueOf(later, 'linli_outbox_due_rows', mail)).toBe(1);
    expect(valueOf(later, 'linli_outbox_oldest_due_age_seconds', mail)).toBe(60);
    expect(valueOf(later, 'linli_outbox_sending_rows', mail)).toBe(2);
  });

  it('counts a claim refusal under its code, and answers by route pattern without ids', async () => {
    const shift = await createShift(api.em(), tenant.community.id, { now: START });
    const volunteer = await signedInVolunteer(api, tenant.community);
    const claim = () =>
      api.http.post(`/api/v1/shifts/${shift.id}/claims`).set('authorization', volunteer.token).send({});
    const route = { method: 'POST', route: '/api/v1/shifts/:id/claims' };
    const before = await scrape();

    const claimed = await claim();
    expect(claimed.status).toBe(201);
    // No-store answers carry no validator: Express's automatic ETag (a hash per body) is off.
    expect(claimed.headers.etag).toBeUndefined();
    const refused = await claim();
    expect([refused.status, refused.body.code]).toEqual([409, 'ALREADY_CLAIMED']);

    const after = await scrape();
    const code = { code: 'ALREADY_CLAIMED' };
    expect(valueOf(after, 'linli_claim_refusals_total', code)).toBe(
      valueOf(before, 'linli_claim_refusals_total', code) + 1,
    );
    const count = (text: string, status: string) =>
      valueOf(text, 'http_request_duration_seconds_count', { ...route, status });
    expect(count(after, '201')).toBe(count(before, '201') + 1);
    expect(count(after, '409')).toBe(count(before, '409') + 1);
    expect(after).not.toContain(shift.id);
  });

  it('counts feed answers 200, 304 and 429 on the feed route, never with the feed token', async () => {
    const volunteer = await bearerFor(api, tenant.accounts.volunteer.email);
    api.app
      .get(FakeCalendarSource)
      .set(tenant.community.id, { kind: 'person', personId: tenant.people.volunteer.id }, [
        makeCalendarEntry({ uid: `${randomUUID()}@linli`, start: new Date(START.getTime() + 86_400_000) }),
      ]);
    const feed = await subscribedFeed(api, volunteer, { kind: 'person' });
    const route = { method: 'GET', route: '/cal/:token.ics' };
    const count = (text: string, status: string) =>
      valueOf(text, 'http_request_duration_seconds_count', { ...route, status });
    const before = await scrape();

    const full = await api.http.get(feed.path);
    expect(full.status).toBe(200);
    const unchanged = await api.http.get(feed.path).set('if-none-match', full.headers.etag);
    expect(unchanged.status).toBe(304);
    expect((await api.http.get(feed.path)).status).toBe(429);

    const after = await scrape();
    expect(count(after, '200')).toBe(count(before, '200') + 1);
    expect(count(after, '304')).toBe(count(before, '304') + 1);
    expect(count(after, '429')).toBe(count(before, '429') + 1);
    expect(after).not.toContain(tokenOf(feed.url));
  });

  it('is not on the public port, and refuses a scrape without the token or with a wrong one', async () => {
    const publicPort = await api.http.get('/metrics');
    expect([publicPort.status, publicPort.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);

    for (const authorization of [undefined, 'Bearer not-the-metrics-token-0123456789', TOKEN]) {
      const refused = await fetch(metricsUrl, { headers: authorization ? { authorization } : {} });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await refused.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    }
    const answered = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    // The process's own figures come with it (prom-client's default metrics).
    expect(valueOf(await answered.text(), 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect((await fetch(metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
  });
});
