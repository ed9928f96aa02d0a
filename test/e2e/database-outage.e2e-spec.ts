import { Client } from 'pg';
import type { Response } from 'supertest';
import { createTenant, Tenant } from '@linli/identity/testing';
import { createShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../support/test-api';
import { bearerFor } from '../support/auth';
import { signedInVolunteer } from './volunteering/volunteering-e2e.helpers';
import { captureLogLines } from '../support/log-capture';

const NOW = new Date('2026-12-01T00:00:00Z');

/** Runs one statement as the cluster's admin (the test API's own database is never used for it). */
async function asAdmin(text: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: process.env.LINLI_TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

function expectUnavailable(response: Response, what: string): void {
  expect({ what, status: response.status }).toEqual({ what, status: 503 });
  expect(response.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(30);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (what.startsWith('HEAD')) return; // no body
  expect(JSON.parse(response.text)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
}

const message = (line: Record<string, unknown>) => String(line.msg ?? '');

describe('a database outage answers 503 SERVICE_UNAVAILABLE, is logged once and recovers', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  let volunteer: string;
  let shiftId: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock, config: { LOG_LEVEL: 'warn' } });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
    volunteer = (
      await signedInVolunteer(api, tenant.community, { qualifications: ['健康证'], birthYear: 1990 })
    ).token;
    shiftId = (await createShift(api.em(), tenant.community.id, { now: NOW, capacity: 5 })).id;
  });
  afterAll(async () => {
    await asAdmin(`ALTER DATABASE ${api.database.name} ALLOW_CONNECTIONS true`);
    await api.close();
  });

  const estates = () => api.http.get('/api/v1/estates').set('authorization', organiser);
  const openShifts = () => api.http.get('/api/v1/shifts/open').set('authorization', volunteer);
  const shift = () => api.http.get(`/api/v1/shifts/${shiftId}`).set('authorization', organiser);
  const claim = () =>
    api.http.post(`/api/v1/shifts/${shiftId}/claims`).set('authorization', volunteer).send({});

  it('answers 503 with Retry-After while the database refuses connections, then serves again', async () => {
    expect((await estates()).status).toBe(200);
    expect((await openShifts()).status).toBe(200);

    const log = captureLogLines();
    try {
      const name = api.database.name;
      await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await asAdmin(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );

      for (let round = 0; round < 3; round++) {
        expectUnavailable(await estates(), `GET estates #${round}`);
        expectUnavailable(await openShifts(), `GET open shifts #${round}`);
        expectUnavailable(await shift(), `GET shift #${round}`);
        expectUnavailable(
          await api.http.head('/api/v1/estates').set('authorization', organiser),
          `HEAD #${round}`,
        );
        expectUnavailable(await claim(), `POST claim #${round}`);
      }

      // Logged once when it starts, not per request, and never as an error with a stack trace.
      const during = log.lines();
      expect(during.filter((line) => /database unreachable/i.test(message(line)))).toHaveLength(1);
      expect(during.filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect(JSON.stringify(during)).not.toMatch(/\bstack\b/);
      // Nor one unstructured line per dropped pooled connection (knex's "Connection Error").
      expect(log.raw()).not.toMatch(/Connection Error/);

      await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);

      // No restart: the same application serves again.
      const deadline = Date.now() + 15_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = (await estates()).status;
        if (status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
      expect((await openShifts()).status).toBe(200);
      expect((await shift()).status).toBe(200);
      const claimed = await claim();
      expect([claimed.status, claimed.body.status]).toEqual([201, 'confirmed']);

      // One line when it ends.
      const until = Date.now() + 5_000;
      while (
        Date.now() < until &&
        !log.lines().some((line) => /database reachable again/i.test(message(line)))
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const all = log.lines();
      expect(all.filter((line) => /database unreachable/i.test(message(line)))).toHaveLength(1);
      expect(all.filter((line) => /database reachable again/i.test(message(line)))).toHaveLength(1);
      expect(all.filter((line) => Number(line.level) >= 50)).toEqual([]);
    } finally {
      log.stop();
    }
  });
});
