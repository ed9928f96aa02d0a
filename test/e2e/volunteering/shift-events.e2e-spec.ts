import { createTenant, Tenant } from '@linli/identity/testing';
import { createShift, makeShift } from '@linli/volunteering/testing';
import { FixedClock } from '@linli/platform';
import { startTestApi, TestApi } from '../../support/test-api';
import { bearerFor } from '../../support/auth';
import { signedInVolunteer } from './volunteering-e2e.helpers';

const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3600_000;

interface OutboxRow {
  community_id: string;
  type: string;
  aggregate_id: string;
  version: number;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Changes that matter to people are published (outbox_event, same transaction as the change) with
 * the shift's version, for the calendar and reminder contexts to consume.
 */
describe('shift domain events in the outbox', () => {
  let api: TestApi;
  let tenant: Tenant;
  let organiser: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    api = await startTestApi({ clock });
    tenant = await createTenant(api.em());
    organiser = await bearerFor(api, tenant.accounts.organiser.email);
  });
  afterAll(() => api.close());

  const shift = (overrides: Parameters<typeof makeShift>[2] = {}) =>
    createShift(api.em(), tenant.community.id, { now: NOW, ...overrides });

  const volunteer = () => signedInVolunteer(api, tenant.community);

  const outbox = (shiftId: string) =>
    api
      .em()
      .getConnection()
      .execute<OutboxRow[]>(
        `SELECT community_id, type, aggregate_id, version, payload, occurred_at FROM outbox_event WHERE aggregate_id = ? ORDER BY id`,
        [shiftId],
      );

  it('publishes a move with the new times and the bumped version', async () => {
    const s = await shift({ startsInHours: 48 });
    const moved = await api.http
      .patch(`/api/v1/shifts/${s.id}`)
      .set('authorization', organiser)
      .send({
        startsAt: new Date(NOW.getTime() + 50 * HOUR).toISOString(),
        endsAt: new Date(NOW.getTime() + 52 * HOUR).toISOString(),
      });
    expect([moved.status, moved.body.version]).toEqual([200, 2]);
    const [event] = (await outbox(s.id)).filter((e) => e.type === 'ShiftChanged');
    expect(event).toMatchObject({
      community_id: tenant.community.id,
      aggregate_id: s.id,
      version: 2,
      payload: {
        shiftId: s.id,
        title: s.title,
        startsAt: new Date(NOW.getTime() + 50 * HOUR).toISOString(),
        endsAt: new Date(NOW.getTime() + 52 * HOUR).toISOString(),
        timeZone: 'Asia/Shanghai',
        status: 'open',
        moved: true,
        relocated: false,
      },
    });
    expect(new Date(event.occurred_at).toISOString()).toBe(NOW.toISOString());
  });

  it('publishes a cancellation naming everyone on the shift and its waitlist', async () => {
    const s = await shift({ capacity: 1 });
    const [a, b] = [await volunteer(), await volunteer()];
    await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', a.token).send({});
    await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', b.token).send({});
    const cancelled = await api.http
      .post(`/api/v1/shifts/${s.id}/cancel`)
      .set('authorization', organiser)
      .send({ reason: '活动取消' });
    expect(cancelled.status).toBe(200);
    const events = await outbox(s.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['ClaimConfirmed', 1],
      ['ClaimWaitlisted', 1],
      ['ShiftCancelled', 2],
    ]);
    const last = events[2];
    expect(last.payload).toMatchObject({ shiftId: s.id, status: 'cancelled', reason: '活动取消' });
    expect((last.payload.affectedPersonIds as string[]).sort()).toEqual([a.person.id, b.person.id].sort());
  });

  it('publishes a promotion from the waitlist with the person promoted and the current version', async () => {
    const s = await shift({ capacity: 1 });
    await api.http
      .patch(`/api/v1/shifts/${s.id}`)
      .set('authorization', organiser)
      .send({ locationText: '社区服务中心三楼' });
    const [a, b] = [await volunteer(), await volunteer()];
    const first = await api.http.post(`/api/v1/shifts/${s.id}/claims`).set('authorization', a.token).send({});
    const second = await api.http
      .post(`/api/v1/shifts/${s.id}/claims`)
      .set('authorization', b.token)
      .send({});
    expect(second.body.status).toBe('waitlisted');
    await api.http.post(`/api/v1/claims/${first.body.id}/cancel`).set('authorization', a.token).send();
    const events = await outbox(s.id);
    const promoted = events.filter((e) => e.type === 'WaitlistPromoted');
    expect(promoted).toHaveLength(1);
    expect(promoted[0]).toMatchObject({
      version: 2,
      payload: {
        shiftId: s.id,
        claimId: second.body.id,
        personId: b.person.id,
        locationText: '社区服务中心三楼',
        status: 'open',
      },
    });
    // Versions never go backwards in the order events were written.
    const versions = events.map((e) => e.version);
    expect([...versions].sort((x, y) => x - y)).toEqual(versions);
  });
});
