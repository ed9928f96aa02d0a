import type { Type } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { FixedClock, scopeToCommunity, type Actor } from '@linli/platform';
import type { Tenant } from '@linli/identity/testing';
import { AttendanceUseCase } from '../application/attendance/attendance.use-case';
import { CheckInUseCase } from '../application/attendance/check-in.use-case';
import { CancelClaimUseCase } from '../application/claims/cancel-claim.use-case';
import { ClaimShiftUseCase } from '../application/claims/claim-shift.use-case';
import { ReservationsUseCase } from '../application/reservations/reservations.use-case';
import { BulkPostponeShiftsUseCase } from '../application/rota/bulk-postpone-shifts.use-case';
import { ShiftSeriesService } from '../application/series/shift-series.service';
import { ShiftsService } from '../application/shifts/shifts.service';
import { StandingCommitmentsUseCase } from '../application/commitments/standing-commitments.use-case';
import { createPerson, actorOf } from './volunteering.factories';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Drives volunteering's real use cases (no HTTP) so that every event type volunteering publishes
 * is recorded at least once, each optional payload field included: for the event contract test
 * (test/contracts/volunteering-events.int-spec.ts) and for consumers that want real events.
 * `app` is a Nest application or testing module with VolunteeringModule; `clock` its Clock, which
 * is moved forward and left where the scenarios end.
 */
export async function recordEveryVolunteeringEvent(
  app: { get<T>(type: Type<T>): T },
  tenant: Tenant,
  clock: FixedClock,
): Promise<void> {
  const orm = app.get(MikroORM);
  const communityId = tenant.community.id;
  const asRequest = <T>(work: () => Promise<T>) =>
    RequestContext.create(orm.em.fork(), () => {
      scopeToCommunity(orm.em, communityId);
      return work();
    });
  const organiser: Actor = actorOf(tenant.accounts.organiser);
  const coordinator: Actor = actorOf(tenant.accounts.coordinator);
  const shifts = app.get(ShiftsService);
  const claims = app.get(ClaimShiftUseCase);
  const cancels = app.get(CancelClaimUseCase);
  const person = async () => (await createPerson(orm.em.fork(), tenant.community)).id;
  const now = clock.now();
  const shiftAt = (startsInMinutes: number, capacity = 3) =>
    asRequest(() =>
      shifts.schedule(communityId, {
        title: '城南市集 · 理发',
        locationText: '社区服务中心',
        startsAt: new Date(now.getTime() + startsInMinutes * MINUTE),
        endsAt: new Date(now.getTime() + startsInMinutes * MINUTE + 2 * HOUR),
        timeZone: 'Asia/Shanghai',
        capacity,
      }),
    );

  // ShiftScheduled, ClaimConfirmed, ClaimWaitlisted, ClaimCancelled, WaitlistPromoted.
  const full = await shiftAt(48 * 60, 1);
  const first = await claims.execute(organiser, full.id, await person());
  await claims.execute(organiser, full.id, await person());
  await asRequest(() => cancels.execute(organiser, first.id));

  // ShiftChanged: moved by hand, then postponed with others (the bulk fields).
  const moved = await asRequest(() =>
    shifts.change(communityId, full.id, {
      startsAt: new Date(full.startsAt.getTime() + HOUR),
      endsAt: new Date(full.endsAt.getTime() + HOUR),
    }),
  );
  await asRequest(() =>
    app.get(BulkPostponeShiftsUseCase).execute(
      communityId,
      {
        from: new Date(moved.startsAt.getTime() - MINUTE),
        to: new Date(moved.startsAt.getTime() + MINUTE),
      },
      30,
      '下雨 · rain',
    ),
  );

  // ClaimConfirmed on an organisation's reservation (reservationId), then ReservationReleased.
  const reservations = app.get(ReservationsUseCase);
  const reserved = await shiftAt(72 * 60);
  const reservation = await asRequest(() =>
    reservations.reserve(organiser, reserved.id, { organisationId: tenant.organisation.id, places: 2 }),
  );
  await asRequest(() => reservations.assign(coordinator, reservation.id, tenant.people.member.id));

  // ClaimCompleted (checked out; closed without a check-out) and ClaimMarkedNoShow.
  const soon = await shiftAt(30);
  const [out, absent, forgot] = [
    await claims.execute(organiser, soon.id, await person()),
    await claims.execute(organiser, soon.id, await person()),
    await claims.execute(organiser, soon.id, await person()),
  ];
  const checkIns = app.get(CheckInUseCase);
  await asRequest(() => checkIns.checkIn(organiser, soon.id, { claimId: out.id }));
  await asRequest(() => checkIns.checkIn(organiser, soon.id, { claimId: forgot.id }));

  // ShiftCancelled, with the people on it.
  const rained = await shiftAt(96 * 60);
  await claims.execute(organiser, rained.id, await person());
  await asRequest(() => shifts.cancel(communityId, rained.id, '下雨 · rain'));

  // ShiftScheduled from a series (recorded in bulk).
  const series = await asRequest(() =>
    app.get(ShiftSeriesService).create(communityId, {
      title: '每周二 · 理发',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      dtstart: '2026-12-08T09:00:00',
      timeZone: 'Asia/Shanghai',
      holidayPolicy: 'skip_holidays',
      durationMinutes: 120,
      capacity: 3,
    }),
  );

  // CommitmentRefused (a standing commitment meets an occurrence its person cannot take), then
  // ClaimCancelled with a reason when it ends; ClaimCancelled `overlaps` when a series move meets
  // another shift of someone on it.
  const commitments = app.get(StandingCommitmentsUseCase);
  const seriesShifts = (
    await asRequest(() =>
      app
        .get(ShiftSeriesService)
        .shiftsOf(communityId, series.id, { page: 1, pageSize: 2, sort: 'startsAt' }),
    )
  ).items;
  const committedPerson = await person();
  const alongside = (tuesday: { startsAt: Date }) =>
    asRequest(() =>
      shifts.schedule(communityId, {
        title: '助老 · 午后',
        startsAt: new Date(tuesday.startsAt.getTime() + HOUR),
        endsAt: new Date(tuesday.startsAt.getTime() + 3 * HOUR),
        timeZone: 'Asia/Shanghai',
        capacity: 1,
      }),
    );
  await claims.execute(organiser, (await alongside(seriesShifts[0])).id, committedPerson);
  const committed = await asRequest(() =>
    commitments.commit(organiser, series.id, { personId: committedPerson }),
  );
  await asRequest(() => commitments.end(organiser, committed.commitment.id));
  const busy = await person();
  const tuesday = seriesShifts[1];
  await claims.execute(organiser, tuesday.id, busy);
  const afternoon = await alongside({ startsAt: new Date(tuesday.startsAt.getTime() + 4 * HOUR) });
  await claims.execute(organiser, afternoon.id, busy);
  await asRequest(() =>
    shifts.change(
      communityId,
      tuesday.id,
      {
        startsAt: new Date(tuesday.startsAt.getTime() + 5 * HOUR),
        endsAt: new Date(tuesday.endsAt.getTime() + 5 * HOUR),
      },
      { released: [] },
    ),
  );

  // Time passes: the shift under way, the lead time of the reservation, check-out closing.
  clock.set(new Date(soon.startsAt.getTime() + HOUR));
  await asRequest(() => checkIns.checkOut(organiser, soon.id, { claimId: out.id }));
  await asRequest(() => app.get(AttendanceUseCase).record(organiser, absent.id, { outcome: 'no_show' }));
  clock.set(new Date(reserved.startsAt.getTime() - 24 * HOUR));
  await reservations.releaseDue();
  await app.get(AttendanceUseCase).closeOpenCheckIns();
}
