import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, MikroORM, RequiredEntityData } from '@mikro-orm/core';
import { Clock, recordEvents } from '@linli/platform';
import { CHENGNAN, DEMO_LOGINS } from '@linli/identity';
import { ZoneRules, bundledChineseHolidays, parseLocalDateTime } from '@linli/recurrence';
import { wallClock } from '../../domain/claim-rules';
import { Claim } from '../../infra/claim.entity';
import { OrganisationReservation } from '../../infra/organisation-reservation.entity';
import { Shift } from '../../infra/shift.entity';
import { DemoSeedQueries, type DemoAccount } from '../../infra/demo-seed.queries';
import { DemoShiftPlan, chengnanFortnight } from '../../demo/chengnan-fortnight';
import { demoClaims, DemoPerson } from '../../demo/demo-claims';
import { shiftEvent } from '../shifts/shift-events';

const HOUR = 3600_000;

/**
 * Seeds a fortnight of Chengnan's shifts from today (the Clock's today, in the community's zone):
 * market sessions, train visits to the estates, claims by the demo volunteers and one partner
 * organisation's reservation. Runs after identity's demo seed; does nothing unless the demo
 * community exists and has no shifts yet. One transaction under an advisory lock, so several
 * processes starting at once seed it exactly once.
 */
@Injectable()
export class SeedVolunteeringDemoUseCase {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly orm: MikroORM,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(): Promise<'seeded' | 'skipped'> {
    const outcome = await this.orm.em.fork({ disableContextResolution: true }).transactional(async (em) => {
      const queries = DemoSeedQueries.in(em);
      await queries.lock();
      const community = await queries.community(CHENGNAN.slug);
      if (!community) return { seeded: false, shifts: 0, claims: 0 } as const;
      if (await queries.hasShifts(community.id)) return { seeded: false, shifts: 0, claims: 0 } as const;
      const counts = await this.seed(em, queries, community.id, community.timeZone);
      return counts
        ? ({ seeded: true, ...counts } as const)
        : ({ seeded: false, shifts: 0, claims: 0 } as const);
    });
    if (!outcome.seeded) return 'skipped';
    this.logger.log(`Seeded ${outcome.shifts} demo shifts and ${outcome.claims} claims for ${CHENGNAN.name}`);
    return 'seeded';
  }

  private async seed(
    em: EntityManager,
    queries: DemoSeedQueries,
    communityId: string,
    timeZone: string,
  ): Promise<{ shifts: number; claims: number } | undefined> {
    const now = this.clock.now();
    const accounts = await queries.accounts(communityId);
    const organiser =
      accounts.find((a) => a.email === DEMO_LOGINS.organiser.email) ??
      accounts.find((a) => a.role === 'organiser');
    if (!organiser) {
      this.logger.warn('No organiser account in the demo community: no shifts seeded');
      return undefined;
    }
    const coordinator = accounts.find((a) => a.email === DEMO_LOGINS.coordinator.email && a.organisationId);
    const people = await queries.people(communityId);
    const memberships = await queries.memberships(communityId);
    const estates = await queries.estates(communityId);
    const estateIds = new Map(estates.map((estate) => [estate.name, estate.id]));

    const zone = ZoneRules.for(timeZone);
    const at = (date: string, time: string) =>
      new Date(zone.resolve(parseLocalDateTime(`${date}T${time}`)).instant);
    const today = wallClock(now, timeZone).slice(0, 10);
    const plans = chengnanFortnight(today, bundledChineseHolidays());
    const shifts = new Map<string, Shift>();
    for (const plan of plans) {
      const shift = em.create(Shift, {
        community: communityId,
        title: plan.title,
        description: plan.description,
        locationText: plan.locationText,
        estate: plan.estateName ? (estateIds.get(plan.estateName) ?? null) : null,
        startsAt: at(plan.date, plan.start),
        endsAt: at(plan.date, plan.end),
        timeZone,
        capacity: plan.capacity,
        requiredQualifications: plan.requiredQualifications,
        minAge: plan.minAge ?? null,
      } as RequiredEntityData<Shift>);
      shifts.set(plan.key, shift);
      recordEvents(em, [shiftEvent(shift, 'ShiftScheduled', now)]);
    }

    const reservation = coordinator && this.reserve(em, plans, shifts, now, communityId, coordinator);
    const persons: DemoPerson[] = people.map((p) => ({
      ...p,
      organisationIds: memberships.filter((m) => m.personId === p.id).map((m) => m.organisationId),
    }));
    const placed = demoClaims(plans, persons, {
      reservedPlanKey: reservation?.planKey,
      reservedPlaces: reservation?.entity.places ?? 0,
      reservingOrganisationId: reservation?.entity.organisation.id,
    });
    const accountOf = new Map(accounts.flatMap((a) => (a.personId ? [[a.personId, a.id] as const] : [])));
    for (const entry of placed) {
      const shift = shifts.get(entry.planKey) as Shift;
      const viaReservation = entry.viaReservation && reservation ? reservation.entity : undefined;
      const own = accountOf.get(entry.personId);
      const claim = em.create(Claim, {
        community: communityId,
        shift,
        person: entry.personId,
        status: entry.status,
        source: viaReservation ? 'organisation' : own ? 'self' : 'organiser',
        reservation: viaReservation ?? null,
        createdBy: viaReservation ? (coordinator as { id: string }).id : (own ?? organiser.id),
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
      } as RequiredEntityData<Claim>);
      if (entry.status === 'confirmed') shift.confirmedCount += 1;
      if (viaReservation) {
        viaReservation.assignedCount += 1;
        shift.heldCount -= 1;
      }
      recordEvents(em, [
        shiftEvent(shift, entry.status === 'confirmed' ? 'ClaimConfirmed' : 'ClaimWaitlisted', now, {
          claimId: claim.id,
          personId: entry.personId,
          ...(viaReservation ? { reservationId: viaReservation.id } : {}),
        }),
      ]);
    }
    await em.flush();
    return { shifts: shifts.size, claims: placed.length };
  }

  /**
   * 凤鸣志愿者协会 (the demo coordinator's organisation) holds three places on the first
   * 学史力行号 visit at least two days away, so its release time is still ahead.
   */
  private reserve(
    em: EntityManager,
    plans: DemoShiftPlan[],
    shifts: Map<string, Shift>,
    now: Date,
    communityId: string,
    coordinator: DemoAccount,
  ): { planKey: string; entity: OrganisationReservation } | undefined {
    const visits = plans.filter((p) => p.key.endsWith('学史力行号 windows'));
    const startOf = (p: DemoShiftPlan) => (shifts.get(p.key) as Shift).startsAt.getTime();
    const plan =
      visits.find((p) => startOf(p) > now.getTime() + 48 * HOUR) ??
      visits.find((p) => startOf(p) > now.getTime());
    if (!plan) return undefined;
    const shift = shifts.get(plan.key) as Shift;
    const places = 3;
    const entity = em.create(OrganisationReservation, {
      community: communityId,
      shift,
      organisation: coordinator.organisationId,
      places,
      releaseAt: new Date(Math.max(now.getTime(), shift.startsAt.getTime() - 24 * HOUR)),
      createdBy: coordinator.id,
    } as RequiredEntityData<OrganisationReservation>);
    shift.heldCount += places;
    return { planKey: plan.key, entity };
  }
}
