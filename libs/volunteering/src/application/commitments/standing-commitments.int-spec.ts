import { type Actor } from '@linli/platform';
import { createTenant, type Tenant } from '@linli/identity/testing';
import { IdentityModule } from '@linli/identity';
import { createVolunteer } from '../../testing';
import { startUseCaseTier, type UseCaseTier } from '../../../../../test/support/use-case-tier';
import { VolunteeringModule } from '../../volunteering.module';
import { Claim } from '../../infra/claim.entity';
import { ShiftSeriesService } from '../series/shift-series.service';
import { StandingCommitmentsUseCase } from './standing-commitments.use-case';

const NOW = new Date('2026-12-01T00:00:00+08:00');
const DAY = 24 * 3600_000;

describe('standing commitments (use cases on PostgreSQL, no HTTP)', () => {
  let tier: UseCaseTier;
  let tenant: Tenant;
  let commitments: StandingCommitmentsUseCase;

  beforeAll(async () => {
    tier = await startUseCaseTier({ now: NOW, imports: [IdentityModule, VolunteeringModule] });
    tenant = await createTenant(tier.em());
    commitments = tier.get(StandingCommitmentsUseCase);
  });
  afterAll(() => tier.close());

  const inCommunity = <T>(work: () => Promise<T>) => tier.inCommunity(tenant.community.id, work);

  it('the worker pass claims occurrences whose sign-up opened since, once each, however many passes run at once', async () => {
    tier.clock.set(NOW);
    const series = await inCommunity(() =>
      tier.get(ShiftSeriesService).create(tenant.community.id, {
        title: '每周四 · 助老',
        rrule: 'FREQ=WEEKLY;BYDAY=TH',
        dtstart: '2026-12-03T09:00',
        timeZone: 'Asia/Shanghai',
        holidayPolicy: 'ignore',
        durationMinutes: 120,
        capacity: 3,
      }),
    );
    const v = await createVolunteer(tier.em(), tenant.community);
    const actor: Actor = {
      accountId: v.accountId,
      communityId: tenant.community.id,
      role: 'volunteer',
      personId: v.person.id,
    };
    const committed = await inCommunity(() => commitments.commit(actor, series.id, {}));
    expect(committed.outcomes).toHaveLength(4); // 3, 10, 17, 24 December; the 31st opens at 09:00

    tier.clock.set(new Date(NOW.getTime() + 15 * DAY)); // sign-up open to 15 January 09:00
    const passes = await Promise.all([
      commitments.applyDue(),
      commitments.applyDue(),
      commitments.applyDue(),
    ]);
    expect(passes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    const after = await inCommunity(() => commitments.get(actor, committed.commitment.id));
    expect(after.outcomes.map((o) => o.outcome)).toEqual(Array(7).fill('confirmed'));
    const claims = await tier
      .em()
      .count(Claim, { person: v.person.id, status: 'confirmed' }, { filters: false });
    expect(claims).toBe(7);
  });
});
