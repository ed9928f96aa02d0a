import type { Client } from 'pg';
import { SqlDatabase, type Actor } from '@linli/platform';
import { createTenant, makeMembership, type Tenant } from '@linli/identity/testing';
import { Claim } from '../../infra/claim.entity';
import { OrganisationReservation } from '../../infra/organisation-reservation.entity';
import { Shift } from '../../infra/shift.entity';
import { actorOf, createPerson, createShift, createVolunteer } from '../../testing';
import {
  codeOf,
  startUseCaseTier,
  untilSomeoneWaitsForALock,
  type UseCaseTier,
} from '../../../../../test/support/use-case-tier';
import { IdentityModule } from '@linli/identity';
import { VolunteeringModule } from '../../volunteering.module';
import { ClaimShiftUseCase } from '../claims/claim-shift.use-case';
import { ReservationsUseCase } from './reservations.use-case';

const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3600_000;
const NOBODY = '00000000-0000-4000-8000-000000000000';

describe('organisation reservations (use cases on PostgreSQL, no HTTP)', () => {
  let tier: UseCaseTier;
  let tenant: Tenant;
  let organiser: Actor;
  let coordinator: Actor;
  let reservations: ReservationsUseCase;
  let claims: ClaimShiftUseCase;

  beforeAll(async () => {
    tier = await startUseCaseTier({ now: NOW, imports: [IdentityModule, VolunteeringModule] });
    tenant = await createTenant(tier.em());
    organiser = actorOf(tenant.accounts.organiser);
    coordinator = actorOf(tenant.accounts.coordinator);
    reservations = tier.get(ReservationsUseCase);
    claims = tier.get(ClaimShiftUseCase);
  });
  afterAll(() => tier.close());
  beforeEach(() => tier.clock.set(NOW));

  const inCommunity = <T>(work: () => Promise<T>) => tier.inCommunity(tenant.community.id, work);
  const shift = (overrides: Parameters<typeof createShift>[2] = {}) =>
    createShift(tier.em(), tenant.community.id, { now: NOW, ...overrides });
  const reserve = (actor: Actor, shiftId: string, places: number, organisationId = tenant.organisation.id) =>
    inCommunity(() => reservations.reserve(actor, shiftId, { organisationId, places }));
  const assign = (actor: Actor, reservationId: string, personId: string) =>
    inCommunity(() => reservations.assign(actor, reservationId, personId));
  const counters = async (shiftId: string) => {
    const s = await tier.em().findOneOrFail(Shift, { id: shiftId }, { filters: false });
    return { confirmed: s.confirmedCount, held: s.heldCount };
  };
  /** A new member of the tenant's organisation (so no test's claims overlap another's). */
  const newMember = async () => {
    const em = tier.em();
    const person = await createPerson(em, tenant.community);
    makeMembership(em, person, tenant.organisation);
    await em.flush();
    return person.id;
  };
  const reservationOf = (id: string) =>
    tier.em().findOneOrFail(OrganisationReservation, { id }, { filters: false });

  it('holds places for the organisation, which its coordinator gives to a member', async () => {
    const s = await shift({ capacity: 4 });
    const reservation = await reserve(coordinator, s.id, 3);
    expect(await counters(s.id)).toEqual({ confirmed: 0, held: 3 });
    const claim = await assign(coordinator, reservation.id, await newMember());
    expect(claim).toMatchObject({ status: 'confirmed', source: 'organisation' });
    expect(await counters(s.id)).toEqual({ confirmed: 1, held: 2 });
    expect((await reservationOf(reservation.id)).assignedCount).toBe(1);
  });

  it.each<[string, () => Promise<unknown>, string]>([
    [
      'more places than are free',
      async () => reserve(organiser, (await shift({ capacity: 2 })).id, 3),
      'NOT_ENOUGH_PLACES',
    ],
    [
      'an organisation that does not exist',
      async () => reserve(organiser, (await shift()).id, 1, NOBODY),
      'REFERENCE_INVALID',
    ],
    [
      'a coordinator reserving for another organisation',
      async () => reserve(coordinator, (await shift()).id, 1, tenant.otherOrganisation.id),
      'FORBIDDEN',
    ],
    [
      'a second active reservation of the organisation (the unique index, by its name)',
      async () => {
        const s = await shift();
        await reserve(organiser, s.id, 1);
        return reserve(organiser, s.id, 1);
      },
      'ALREADY_EXISTS',
    ],
    [
      'a person who is not a member',
      async () => {
        const reservation = await reserve(organiser, (await shift()).id, 1);
        return assign(coordinator, reservation.id, tenant.people.volunteer.id);
      },
      'NOT_A_MEMBER',
    ],
    [
      'more members than places',
      async () => {
        const reservation = await reserve(organiser, (await shift()).id, 1);
        await assign(coordinator, reservation.id, await newMember());
        return assign(coordinator, reservation.id, await newMember());
      },
      'RESERVATION_FULL',
    ],
  ])('refuses %s with a coded error', async (_scenario, act, code) => {
    expect(await codeOf(act())).toBe(code);
  });

  it('at the lead time gives unassigned places back, and the waitlist takes them first', async () => {
    const s = await shift({ capacity: 3, startsInHours: 72 });
    const reservation = await reserve(organiser, s.id, 3);
    await assign(coordinator, reservation.id, await newMember());
    const waiting = await createVolunteer(tier.em(), tenant.community);
    const waitlisted = await claims.execute(organiser, s.id, waiting.person.id);
    expect(waitlisted.status).toBe('waitlisted');

    await reservations.releaseDue();
    expect((await reservationOf(reservation.id)).status).toBe('active');
    // At the lead time (this test's shift is the latest, so every other reservation goes too).
    tier.clock.set(new Date(s.startsAt.getTime() - 24 * HOUR));
    expect(await reservations.releaseDue()).toBeGreaterThanOrEqual(1);
    expect(await reservations.releaseDue()).toBe(0);

    expect((await reservationOf(reservation.id)).status).toBe('released');
    expect(await counters(s.id)).toEqual({ confirmed: 2, held: 0 });
    const promoted = await tier.em().findOneOrFail(Claim, { id: waitlisted.id }, { filters: false });
    expect(promoted.status).toBe('confirmed');
    const events = await tier
      .get(SqlDatabase)
      .query<{ type: string; returned: number | null }>(
        `SELECT type, (payload->>'returned')::int AS returned FROM outbox_event WHERE aggregate_id = $1 ORDER BY id`,
        [s.id],
      );
    expect(events.slice(-2)).toEqual([
      { type: 'ReservationReleased', returned: 2 },
      { type: 'WaitlistPromoted', returned: null },
    ]);
  });

  describe('lock order', () => {
    let holder: Client;
    let prober: Client;

    beforeAll(async () => {
      holder = await tier.connect();
      prober = await tier.connect();
    });
    afterAll(async () => {
      await holder.end();
      await prober.end();
    });

    it('an assignment takes the person before the shift', async () => {
      const s = await shift();
      const reservation = await reserve(organiser, s.id, 1);
      const member = await newMember();
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('person:' || $1::uuid, 0))`, [
        member,
      ]);
      const assigning = assign(coordinator, reservation.id, member);
      await untilSomeoneWaitsForALock(prober);
      await prober.query('BEGIN');
      const free = await prober
        .query(`SELECT id FROM shift WHERE id = $1 FOR UPDATE NOWAIT`, [s.id])
        .then(() => true)
        .catch((error: { code?: string }) => (error.code === '55P03' ? false : Promise.reject(error)));
      await prober.query('ROLLBACK');
      expect(free).toBe(true);
      await holder.query('COMMIT');
      expect((await assigning).status).toBe('confirmed');
    });
  });
});
