import type { Claim } from '../infra/claim.entity';
import type { ClaimRow } from '../infra/claim-store';
import type { OrganisationReservation } from '../infra/organisation-reservation.entity';
import type { Shift } from '../infra/shift.entity';
import type { ClaimResponse, ReservationResponse } from './claim.schema';
import type { ShiftResponse } from './shift.schema';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function mapShift(shift: Shift): ShiftResponse {
  return {
    id: shift.id,
    title: shift.title,
    description: shift.description ?? null,
    locationText: shift.locationText ?? null,
    estateId: shift.estate?.id ?? null,
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    timeZone: shift.timeZone,
    capacity: shift.capacity,
    confirmed: shift.confirmedCount,
    held: shift.heldCount,
    free: Math.max(0, shift.capacity - shift.confirmedCount - shift.heldCount),
    requiredQualifications: shift.requiredQualifications,
    minAge: shift.minAge ?? null,
    reservedForKinds: shift.reservedForKinds,
    status: shift.status,
    cancelReason: shift.cancelReason ?? null,
    version: shift.version,
    seriesId: shift.series?.id ?? null,
    origin:
      shift.originContext && shift.originId ? { context: shift.originContext, id: shift.originId } : null,
    createdAt: shift.createdAt.toISOString(),
    updatedAt: shift.updatedAt.toISOString(),
  };
}

/** Claims arrive as entities, or as rows from the claim hot path (ClaimStore). */
export function mapClaim(claim: Claim | ClaimRow): ClaimResponse {
  if (!('shift' in claim)) return mapClaimRow(claim);
  return {
    id: claim.id,
    shiftId: claim.shift.id,
    personId: claim.person.id,
    status: claim.status,
    source: claim.source,
    reservationId: claim.reservation?.id ?? null,
    startsAt: claim.startsAt.toISOString(),
    endsAt: claim.endsAt.toISOString(),
    checkedInAt: iso(claim.checkedInAt),
    checkedOutAt: iso(claim.checkedOutAt),
    creditedMinutes: claim.creditedMinutes ?? null,
    createdAt: claim.createdAt.toISOString(),
  };
}

export function mapReservation(reservation: OrganisationReservation): ReservationResponse {
  return {
    id: reservation.id,
    shiftId: reservation.shift.id,
    organisationId: reservation.organisation.id,
    places: reservation.places,
    assigned: reservation.assignedCount,
    status: reservation.status,
    releaseAt: reservation.releaseAt.toISOString(),
    createdAt: reservation.createdAt.toISOString(),
  };
}

function mapClaimRow(row: ClaimRow): ClaimResponse {
  return {
    id: row.id,
    shiftId: row.shiftId,
    personId: row.personId,
    status: row.status,
    source: row.source,
    reservationId: row.reservationId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    checkedInAt: iso(row.checkedInAt),
    checkedOutAt: iso(row.checkedOutAt),
    creditedMinutes: row.creditedMinutes,
    createdAt: row.createdAt.toISOString(),
  };
}
