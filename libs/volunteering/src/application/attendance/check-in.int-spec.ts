import type { Actor } from '@linli/platform';
import { createTenant, type Tenant } from '@linli/identity/testing';
import { IdentityModule } from '@linli/identity';
import { createClaim, createShift, createVolunteer } from '../../testing';
import { codeOf, startUseCaseTier, type UseCaseTier } from '../../../../../test/support/use-case-tier';
import { VolunteeringModule } from '../../volunteering.module';
import { CheckInUseCase } from './check-in.use-case';
import type { Shift } from '../../infra/shift.entity';

const NOW = new Date('2026-12-01T00:00:00Z'); // 08:00 in Shanghai
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('check-in codes (use cases on PostgreSQL, no HTTP)', () => {
  let tier: UseCaseTier;
  let tenant: Tenant;
  let checkIns: CheckInUseCase;

  beforeAll(async () => {
    tier = await startUseCaseTier({ now: NOW, imports: [IdentityModule, VolunteeringModule] });
    tenant = await createTenant(tier.em());
    checkIns = tier.get(CheckInUseCase);
  });
  afterAll(() => tier.close());
  beforeEach(() => tier.clock.set(NOW));

  const inCommunity = <T>(work: () => Promise<T>) => tier.inCommunity(tenant.community.id, work);
  /** A volunteer with a confirmed place on `shift`. */
  const placed = async (shift: Shift): Promise<Actor> => {
    const v = await createVolunteer(tier.em(), tenant.community);
    const em = tier.em();
    await createClaim(em, await em.findOneOrFail('Shift', { id: shift.id }, { filters: false }), v.person.id);
    return {
      accountId: v.accountId,
      communityId: tenant.community.id,
      role: 'volunteer',
      personId: v.person.id,
    };
  };
  const todaysCode = async (shift: Shift) =>
    (await inCommunity(() => checkIns.code(tenant.community.id, shift.id))).code;
  const checkIn = (actor: Actor, shift: Shift, code: string) =>
    codeOf(inCommunity(() => checkIns.checkIn(actor, shift.id, { code })));
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('checks the person’s place and the window before the code: a wrong code tells nothing early', async () => {
    const s = await createShift(tier.em(), tenant.community.id, { now: NOW, startsInHours: 26 });
    const stranger = await createVolunteer(tier.em(), tenant.community);
    const strangerActor: Actor = {
      accountId: stranger.accountId,
      communityId: tenant.community.id,
      role: 'volunteer',
      personId: stranger.person.id,
    };
    const volunteer = await placed(s);
    const code = await todaysCode(s);
    expect(await checkIn(strangerActor, s, wrong(code))).toBe('NOT_ON_SHIFT');
    // A day early: the same answer for a right and a wrong code.
    expect(await checkIn(volunteer, s, wrong(code))).toBe('CHECKIN_NOT_OPEN');
    expect(await checkIn(volunteer, s, code)).toBe('CHECKIN_NOT_OPEN');
  });

  it('rotates the code each local day: yesterday’s code (an old photo of the QR) stops working', async () => {
    const s = await createShift(tier.em(), tenant.community.id, { now: NOW, startsInHours: 26 });
    const volunteer = await placed(s);
    const yesterdays = await todaysCode(s);
    tier.clock.set(new Date(s.startsAt.getTime() - 10 * MINUTE));
    const todays = await todaysCode(s);
    expect(todays).toMatch(/^\d{6}$/);
    expect(todays).not.toBe(yesterdays);
    expect(await checkIn(volunteer, s, yesterdays)).toBe('CHECKIN_CODE_INVALID');
    expect(await checkIn(volunteer, s, todays)).toBe('resolved');
  });

  it('limits wrong codes per person: after five, even the right code is 429 until the block ends', async () => {
    const s = await createShift(tier.em(), tenant.community.id, { now: NOW, startsInHours: 0.5 });
    const volunteer = await placed(s);
    const code = await todaysCode(s);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await checkIn(volunteer, s, wrong(code))).toBe('CHECKIN_CODE_INVALID');
    }
    const blocked = await inCommunity(() => checkIns.checkIn(volunteer, s.id, { code })).catch((e) => e);
    expect(blocked).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    // Another volunteer on the same shift is not held back by one person's guesses.
    expect(await checkIn(await placed(s), s, code)).toBe('resolved');
  });

  it('limits wrong codes per shift across people, so many accounts cannot share the guessing', async () => {
    const s = await createShift(tier.em(), tenant.community.id, {
      now: NOW,
      startsInHours: 0.5,
      capacity: 30,
    });
    const code = await todaysCode(s);
    const guessers: Actor[] = [];
    for (let i = 0; i < 6; i++) guessers.push(await placed(s));
    const answers: string[] = [];
    for (const guesser of guessers) {
      for (let attempt = 0; attempt < 4; attempt++) answers.push(await checkIn(guesser, s, wrong(code)));
    }
    expect(answers.slice(0, 20).every((a) => a === 'CHECKIN_CODE_INVALID')).toBe(true);
    expect(answers.slice(20).every((a) => a === 'TOO_MANY_REQUESTS')).toBe(true);
    // The block holds for everyone on the shift (an organiser can still check people in by name).
    tier.clock.set(new Date(NOW.getTime() + HOUR / 2));
    expect(await checkIn(await placed(s), s, code)).toBe('TOO_MANY_REQUESTS');
  });
});
