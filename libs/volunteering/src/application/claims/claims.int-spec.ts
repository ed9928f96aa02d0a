import type { Client } from 'pg';
import { DomainError, SqlDatabase, type Actor } from '@linli/platform';
import { createTenant, type Tenant } from '@linli/identity/testing';
import { Claim } from '../../infra/claim.entity';
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
import { CancelClaimUseCase } from './cancel-claim.use-case';
import { ClaimShiftUseCase } from './claim-shift.use-case';

const NOW = new Date('2026-12-01T00:00:00Z');
const NOBODY = '00000000-0000-4000-8000-000000000000';

describe('claiming and cancelling (use cases on PostgreSQL, no HTTP)', () => {
  let tier: UseCaseTier;
  let tenant: Tenant;
  let organiser: Actor;
  let claims: ClaimShiftUseCase;
  let cancels: CancelClaimUseCase;

  beforeAll(async () => {
    tier = await startUseCaseTier({ now: NOW, imports: [IdentityModule, VolunteeringModule] });
    tenant = await createTenant(tier.em());
    organiser = actorOf(tenant.accounts.organiser);
    claims = tier.get(ClaimShiftUseCase);
    cancels = tier.get(CancelClaimUseCase);
  });
  afterAll(() => tier.close());

  const shift = (overrides: Parameters<typeof createShift>[2] = {}) =>
    createShift(tier.em(), tenant.community.id, { now: NOW, ...overrides });
  const volunteer = async () => {
    const { person, accountId } = await createVolunteer(tier.em(), tenant.community);
    return { accountId, communityId: tenant.community.id, role: 'volunteer', personId: person.id } as Actor;
  };
  const cancel = (actor: Actor, claimId: string) =>
    tier.inCommunity(tenant.community.id, () => cancels.execute(actor, claimId));
  const counters = async (shiftId: string) => {
    const s = await tier.em().findOneOrFail(Shift, { id: shiftId }, { filters: false });
    return { confirmed: s.confirmedCount, held: s.heldCount };
  };
  const statusOf = async (claimId: string) =>
    (await tier.em().findOneOrFail(Claim, { id: claimId }, { filters: false })).status;
  const events = (shiftId: string) =>
    tier
      .get(SqlDatabase)
      .query<{ type: string; claimId: string | null }>(
        `SELECT type, payload->>'claimId' AS "claimId" FROM outbox_event WHERE aggregate_id = $1 ORDER BY id`,
        [shiftId],
      );

  it('confirms while places are free, then waitlists; each claim records its event with its id', async () => {
    const s = await shift({ capacity: 1 });
    const [a, b] = [await volunteer(), await volunteer()];
    const first = await claims.execute(a, s.id);
    const second = await claims.execute(b, s.id);
    expect([first.status, second.status]).toEqual(['confirmed', 'waitlisted']);
    expect(await counters(s.id)).toEqual({ confirmed: 1, held: 0 });
    expect(await events(s.id)).toEqual([
      { type: 'ClaimConfirmed', claimId: first.id },
      { type: 'ClaimWaitlisted', claimId: second.id },
    ]);
  });

  it.each<[string, () => Promise<{ actor?: Actor; shiftId: string; personId?: string }>, string]>([
    [
      'a second claim on the same shift',
      async () => {
        const s = await shift();
        const v = await volunteer();
        await claims.execute(v, s.id);
        return { actor: v, shiftId: s.id };
      },
      'ALREADY_CLAIMED',
    ],
    [
      'a cancelled shift',
      async () => ({ shiftId: (await shift({ status: 'cancelled' })).id }),
      'SHIFT_CANCELLED',
    ],
    [
      'a shift that started',
      async () => ({ shiftId: (await shift({ startsInHours: -1 })).id }),
      'SHIFT_STARTED',
    ],
    [
      'a missing qualification',
      async () => ({ shiftId: (await shift({ requiredQualifications: ['电工证'] })).id }),
      'QUALIFICATION_MISSING',
    ],
    [
      'a deactivated person',
      async () => {
        const person = await createPerson(tier.em(), tenant.community, { active: false });
        return { actor: organiser, shiftId: (await shift()).id, personId: person.id };
      },
      'PERSON_INACTIVE',
    ],
    [
      'someone of another community',
      async () => {
        const other = await createTenant(tier.em(), 'elsewhere');
        return { actor: organiser, shiftId: (await shift()).id, personId: other.people.volunteer.id };
      },
      'REFERENCE_INVALID',
    ],
    [
      'a volunteer claiming for someone else',
      async () => ({
        shiftId: (await shift()).id,
        personId: tenant.people.member.id,
      }),
      'FORBIDDEN',
    ],
    [
      'an overlapping confirmed shift of the person',
      async () => {
        const v = await volunteer();
        await claims.execute(v, (await shift({ startsInHours: 30 })).id);
        return { actor: v, shiftId: (await shift({ startsInHours: 31 })).id };
      },
      'CLAIM_OVERLAPS',
    ],
  ])('refuses %s with a coded error', async (_scenario, arrange, code) => {
    const { actor, shiftId, personId } = await arrange();
    expect(await codeOf(claims.execute(actor ?? (await volunteer()), shiftId, personId))).toBe(code);
  });

  it('names the field by its domain name when an organiser names nobody', async () => {
    const s = await shift();
    const refusal = await claims.execute(organiser, s.id, NOBODY).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).errors).toEqual([{ field: 'personId', message: 'no such person' }]);
  });

  it('gives a freed place to the first on the waitlist', async () => {
    const s = await shift({ capacity: 1 });
    const [a, b, c] = [await volunteer(), await volunteer(), await volunteer()];
    const claimA = await claims.execute(a, s.id);
    const claimB = await claims.execute(b, s.id);
    const claimC = await claims.execute(c, s.id);
    await cancel(a, claimA.id);
    expect([await statusOf(claimA.id), await statusOf(claimB.id), await statusOf(claimC.id)]).toEqual([
      'cancelled',
      'confirmed',
      'waitlisted',
    ]);
    expect(await counters(s.id)).toEqual({ confirmed: 1, held: 0 });
    expect((await events(s.id)).slice(-2)).toEqual([
      { type: 'ClaimCancelled', claimId: claimA.id },
      { type: 'WaitlistPromoted', claimId: claimB.id },
    ]);
  });

  describe('one lock order: the person first, then the shift', () => {
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

    /** Holds the person's lock on another connection, as their own claim elsewhere would. */
    async function holdPerson(personId: string): Promise<() => Promise<void>> {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('person:' || $1::uuid, 0))`, [
        personId,
      ]);
      return async () => {
        await holder.query('COMMIT');
      };
    }

    /** Whether the shift row is free right now (nobody holds it locked). */
    async function shiftIsFree(shiftId: string): Promise<boolean> {
      await prober.query('BEGIN');
      try {
        await prober.query(`SELECT id FROM shift WHERE id = $1 FOR UPDATE NOWAIT`, [shiftId]);
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === '55P03') return false;
        throw error;
      } finally {
        await prober.query('ROLLBACK');
      }
    }

    it('a claim waits for its person before it touches the shift', async () => {
      const s = await shift();
      const v = await volunteer();
      const release = await holdPerson(v.personId!);
      const claiming = claims.execute(v, s.id);
      await untilSomeoneWaitsForALock(prober);
      expect(await shiftIsFree(s.id)).toBe(true);
      await release();
      expect((await claiming).status).toBe('confirmed');
    });

    it('a cancellation takes the locks of the people it may promote before the shift', async () => {
      const s = await shift({ capacity: 1 });
      const [a, b] = [await volunteer(), await volunteer()];
      const claimA = await claims.execute(a, s.id);
      const claimB = await claims.execute(b, s.id);
      const release = await holdPerson(b.personId!);
      const cancelling = cancel(a, claimA.id);
      await untilSomeoneWaitsForALock(prober);
      // Under the old order the cancellation held the shift while it waited for B: claims on the
      // shift by anyone else queued behind B's claim somewhere else.
      expect(await shiftIsFree(s.id)).toBe(true);
      await release();
      await cancelling;
      expect(await statusOf(claimB.id)).toBe('confirmed');
    });

    it('claims, cancellations and promotions crossing on the same people at once: all succeed, counters true', async () => {
      const shifts = [await shift({ capacity: 3 }), await shift({ capacity: 3, startsInHours: 60 })];
      const crowd = await Promise.all(Array.from({ length: 12 }, () => volunteer()));
      // Each shift: three confirmed, three waiting.
      const first = [];
      for (const [i, v] of crowd.entries())
        first.push({ v, claim: await claims.execute(v, shifts[i % 2].id) });
      // Now at once: the confirmed cancel (promoting the waiting, whose locks they take) while
      // everyone claims the other shift (taking their own lock).
      const outcomes = await Promise.allSettled([
        ...first
          .filter(({ claim }) => claim.status === 'confirmed')
          .map(({ v, claim }) => cancel(v, claim.id)),
        ...crowd.map((v, i) => claims.execute(v, shifts[(i + 1) % 2].id)),
      ]);
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      for (const s of shifts) {
        const confirmed = await tier
          .em()
          .count(Claim, { shift: s.id, status: 'confirmed' }, { filters: false });
        expect(await counters(s.id)).toEqual({ confirmed, held: 0 });
        expect(confirmed).toBe(3);
      }
    });
  });

  describe('a rush: a claim that saw the shift full joins the waitlist in one statement, unless it moved', () => {
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

    /** A full shift (capacity 1, confirmed: first) and the one who comes next. */
    async function fullShift() {
      const s = await shift({ capacity: 1 });
      const first = await volunteer();
      const firstClaim = await claims.execute(first, s.id);
      expect(firstClaim.status).toBe('confirmed');
      return { s, firstClaim, next: await volunteer() };
    }

    /** Changes the shift on another connection and keeps its row locked until `commit`. */
    async function changeShiftUncommitted(statements: [string, unknown[]][]) {
      await holder.query('BEGIN');
      for (const [text, params] of statements) await holder.query(text, params);
      return () => holder.query('COMMIT');
    }

    it('waitlists without touching the counters', async () => {
      const { s, next } = await fullShift();
      expect((await claims.execute(next, s.id)).status).toBe('waitlisted');
      expect(await counters(s.id)).toEqual({ confirmed: 1, held: 0 });
      expect((await events(s.id)).map((e) => e.type)).toEqual(['ClaimConfirmed', 'ClaimWaitlisted']);
    });

    it('a place freed while it waited for the row: decided again under the lock, confirmed', async () => {
      const { s, firstClaim, next } = await fullShift();
      const commit = await changeShiftUncommitted([
        [`UPDATE claim SET status = 'cancelled' WHERE id = $1`, [firstClaim.id]],
        [`UPDATE shift SET confirmed_count = confirmed_count - 1 WHERE id = $1`, [s.id]],
      ]);
      // It reads the context before the change commits (full), then waits for the shift's row.
      const claiming = claims.execute(next, s.id);
      await untilSomeoneWaitsForALock(prober);
      await commit();
      const claim = await claiming;
      expect(claim.status).toBe('confirmed');
      expect(await counters(s.id)).toEqual({ confirmed: 1, held: 0 });
      expect((await events(s.id)).map((e) => e.type)).toEqual(['ClaimConfirmed', 'ClaimConfirmed']);
    });

    it('a shift cancelled while it waited for the row: SHIFT_CANCELLED, nothing written', async () => {
      const { s, next } = await fullShift();
      const commit = await changeShiftUncommitted([
        [`UPDATE shift SET status = 'cancelled' WHERE id = $1`, [s.id]],
      ]);
      const claiming = codeOf(claims.execute(next, s.id));
      await untilSomeoneWaitsForALock(prober);
      await commit();
      expect(await claiming).toBe('SHIFT_CANCELLED');
      expect(await counters(s.id)).toEqual({ confirmed: 1, held: 0 });
      expect((await events(s.id)).map((e) => e.type)).toEqual(['ClaimConfirmed']);
    });
  });
});
