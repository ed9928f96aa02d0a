import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { SqlDatabase, type Actor, type FixedClock } from '@linli/platform';
import { createTenant, makePerson, type Tenant } from '@linli/identity/testing';
import {
  claimTransactionOptions,
  claimTransaction,
  ShiftsService,
  VolunteeringModule,
  type ClaimInput,
} from '@linli/volunteering';
import { startUseCaseTier, type UseCaseTier } from '../../../../test/support/use-case-tier';
import { RemindersModule } from '../reminders.module';
import { outboxMail, parkedEvents, recordOutboxEvents, volunteeringEvent, type EventShift } from '../testing';
import { REMINDER_CONSUMER, ReminderProjector } from './reminder-projector';

// 08:00 in Shanghai.
const NOW = new Date('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

/**
 * The reminder path without HTTP, on real PostgreSQL: volunteering's own use cases record the
 * events (the claim transaction, moving and cancelling a shift), the projector consumes them with
 * volunteering's schemas, and mail_outbox holds the reminders at the right instants.
 */
describe('reminders from volunteering events (use-case tier)', () => {
  let tier: UseCaseTier;
  let clock: FixedClock;
  let db: SqlDatabase;
  let shifts: ShiftsService;
  let projector: ReminderProjector;
  let em: EntityManager;
  let tenant: Tenant;
  let organiser: Actor;

  beforeAll(async () => {
    tier = await startUseCaseTier({ now: NOW, imports: [VolunteeringModule, RemindersModule] });
    clock = tier.clock;
    db = tier.get(SqlDatabase);
    shifts = tier.get(ShiftsService);
    projector = tier.get(ReminderProjector);
    em = tier.em();
    tenant = await createTenant(em, 'reminders');
    organiser = {
      accountId: tenant.accounts.organiser.id,
      communityId: tenant.community.id,
      role: 'organiser',
      personId: tenant.people.organiser.id,
    };
  });
  afterAll(() => tier?.close());
  beforeEach(() => clock.set(NOW));

  /** As the API runs a use case: in a request context scoped to the community (the tenant filter). */
  function inCommunity<T>(work: () => Promise<T>): Promise<T> {
    return tier.inCommunity(tenant.community.id, work);
  }

  async function volunteer(languages?: string[]) {
    const person = makePerson(em, tenant.community, {
      email: `v-${randomUUID().slice(0, 8)}@example.cn`,
      ...(languages ? { languages } : {}),
    });
    await em.flush();
    return person;
  }

  /** A shift `startsInHours` from NOW, two hours long, scheduled through volunteering's service. */
  const shiftAt = (startsInHours: number, title = '社区值班') => {
    const startsAt = new Date(NOW.getTime() + startsInHours * HOUR);
    return inCommunity(() =>
      shifts.schedule(tenant.community.id, {
        title,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        timeZone: 'Asia/Shanghai',
        capacity: 5,
      }),
    );
  };

  /** The claim transaction the API runs, as the organiser, for `personId`. */
  async function claim(shiftId: string, personId: string): Promise<{ id: string; status: string }> {
    const input: ClaimInput = {
      actor: organiser,
      shiftId,
      person: personId,
      source: 'organiser',
      now: clock.now(),
    };
    return db.transaction(
      (sql, first) => claimTransaction(sql, first, input),
      claimTransactionOptions(input),
    );
  }

  /** Projects until the backlog is empty, as the worker tick does. */
  async function project(): Promise<{ parked: number }> {
    let parked = 0;
    for (let i = 0; i < 20; i++) {
      const result = await projector.projectOnce();
      parked += result.parked;
      if (result.read === 0) break;
    }
    return { parked };
  }

  const reminders = (personId: string, status = 'pending') =>
    outboxMail(db.query, { communityId: tenant.community.id, personId, kinds: ['shift_reminder'] }).then(
      (rows) => rows.filter((row) => row.status === status),
    );

  it('a confirmed claim gets reminders 24 h and 2 h before, quiet hours moved to 07:00, once however often projected', async () => {
    // Starts 2026-12-02 09:00 Shanghai: 24 h before is 09:00 today, 2 h before 07:00 tomorrow.
    const morning = await shiftAt(25, 'Market setup');
    // Starts 2026-12-03 01:00 Shanghai: both reminders fall in quiet hours, moved to one at 07:00 12-02.
    const late = await shiftAt(41, '夜间巡逻');
    const person = await volunteer(['en-GB', 'zh-CN']);
    expect((await claim(morning.id, person.id)).status).toBe('confirmed');
    await claim(late.id, person.id);
    await project();
    await project();

    const rows = await reminders(person.id);
    expect(rows.filter((r) => r.shiftId === morning.id).map((r) => r.availableAt)).toEqual([
      new Date('2026-12-01T01:00:00Z'),
      new Date('2026-12-01T23:00:00Z'),
    ]);
    expect(iso(rows.filter((r) => r.shiftId === late.id).map((r) => r.availableAt))).toEqual([
      '2026-12-01T23:00:00.000Z',
    ]);
    expect(rows.find((r) => r.shiftId === morning.id)).toMatchObject({
      language: 'en',
      subject: 'Reminder: Market setup',
      recipientEmail: person.email,
      essential: false,
    });
  });

  it('a moved shift: pending reminders cancelled, new ones at the new times for everyone confirmed', async () => {
    const s = await shiftAt(50);
    const [first, second] = [await volunteer(), await volunteer()];
    await claim(s.id, first.id);
    await claim(s.id, second.id);
    await project();
    const before = iso((await reminders(first.id)).map((r) => r.availableAt));
    expect(before).toHaveLength(2);

    clock.set(new Date(NOW.getTime() + 60_000));
    const startsAt = new Date(s.startsAt.getTime() + 3 * HOUR);
    await inCommunity(() =>
      shifts.change(tenant.community.id, s.id, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) }),
    );
    await project();

    for (const person of [first, second]) {
      expect(iso((await reminders(person.id, 'cancelled')).map((r) => r.availableAt))).toEqual(before);
      const now = await reminders(person.id);
      expect(now.map((r) => r.availableAt)).toEqual([
        new Date(startsAt.getTime() - 24 * HOUR),
        new Date(startsAt.getTime() - 2 * HOUR),
      ]);
      // The version is in the key: the moved shift's reminders are new messages.
      expect(now.every((r) => r.dedupeKey.includes(`:${s.id}:${person.id}:2:`))).toBe(true);
    }
  });

  it('a cancelled claim cancels that person’s reminders; a cancelled shift cancels everyone’s', async () => {
    const s = await shiftAt(60);
    const [leaving, staying] = [await volunteer(), await volunteer()];
    const leavingClaim = await claim(s.id, leaving.id);
    await claim(s.id, staying.id);
    await project();
    expect(await reminders(leaving.id)).toHaveLength(2);

    const facts: EventShift = { ...s, communityId: tenant.community.id, version: s.version };
    await recordOutboxEvents(db.query, [
      volunteeringEvent(
        'ClaimCancelled',
        facts,
        { claimId: leavingClaim.id, personId: leaving.id },
        clock.now(),
      ),
    ]);
    await project();
    expect(await reminders(leaving.id)).toEqual([]);
    expect(await reminders(leaving.id, 'cancelled')).toHaveLength(2);
    expect(await reminders(staying.id)).toHaveLength(2);

    await inCommunity(() => shifts.cancel(tenant.community.id, s.id, '天气原因'));
    await project();
    expect(await reminders(staying.id)).toEqual([]);
    expect(await reminders(staying.id, 'cancelled')).toHaveLength(2);
  });

  it('parks a payload volunteering’s schema refuses and goes on with the events after it', async () => {
    await project();
    // Starts 10:00 Shanghai: both reminders in the day.
    const s = await shiftAt(74);
    const person = await volunteer();
    const valid = volunteeringEvent(
      'ClaimConfirmed',
      { ...s, communityId: tenant.community.id },
      { claimId: randomUUID(), personId: person.id },
      NOW,
    );
    // startsAt is not an instant: no reminder may be guessed from it.
    const [garbled] = await recordOutboxEvents(db.query, [
      { ...valid, payload: { ...valid.payload, startsAt: 'tomorrow morning' } },
    ]);
    await claim(s.id, person.id);
    expect(await project()).toEqual({ parked: 1 });

    expect(await parkedEvents(db.query, REMINDER_CONSUMER)).toEqual([
      { eventId: garbled, type: 'ClaimConfirmed', reason: expect.stringContaining('startsAt') },
    ]);
    // The real claim after it was projected: its two reminders, nothing from the garbled one.
    expect(await reminders(person.id)).toHaveLength(2);
    expect(await project()).toEqual({ parked: 0 });
  });

  it('tells a person once when a series move released their place, and when a standing commitment could not take a date', async () => {
    await project();
    const s = await shiftAt(74);
    const facts: EventShift = { ...s, communityId: tenant.community.id, version: s.version };
    const person = await volunteer();
    const commitmentId = randomUUID();
    await recordOutboxEvents(db.query, [
      volunteeringEvent(
        'ClaimCancelled',
        facts,
        { claimId: randomUUID(), personId: person.id, reason: 'overlaps', overlapsShiftId: randomUUID() },
        NOW,
      ),
      volunteeringEvent(
        'CommitmentRefused',
        facts,
        { commitmentId, personId: person.id, code: 'QUALIFICATION_MISSING', detail: 'needs first aid' },
        NOW,
      ),
      // An organisation's block: its coordinators hear of it.
      volunteeringEvent(
        'CommitmentRefused',
        facts,
        { commitmentId, organisationId: tenant.organisation.id, code: 'NOT_ENOUGH_PLACES', detail: 'full' },
        NOW,
      ),
    ]);
    await project();
    // Projected again (another worker, a replay): nobody hears twice.
    await project();
    const mine = await outboxMail(db.query, {
      communityId: tenant.community.id,
      personId: person.id,
      kinds: ['place_released', 'commitment_refused'],
    });
    expect(mine.map((m) => [m.kind, m.status, m.subject])).toEqual(
      expect.arrayContaining([
        ['place_released', 'pending', `名额已释放：${s.title}`],
        ['commitment_refused', 'pending', `长期认领未能安排：${s.title}`],
      ]),
    );
    expect(mine).toHaveLength(2);
    expect(mine.find((m) => m.kind === 'commitment_refused')!.textBody).toContain('缺少所需资质');
    const coordinators = await outboxMail(db.query, {
      communityId: tenant.community.id,
      personId: tenant.people.coordinator.id,
      kinds: ['commitment_refused'],
    });
    expect(coordinators.map((m) => m.textBody)).toEqual([expect.stringContaining('剩余名额不足')]);
  });
});
