import { formatInstant, formatOptionalInstant } from '@linli/platform';
import type { Claim } from '../infra/claim.entity';
import type { ClaimRow } from '../infra/claim-store';
import type { OrganisationReservation } from '../infra/organisation-reservation.entity';
import type { Shift } from '../infra/shift.entity';
import type { ClaimResponse, ReservationResponse } from './claim.schema';
import type { ShiftResponse } from './shift.schema';

/** A shift's instants are written in its own zone, the one it names (and happens in). */
export function mapShift(shift: Shift): ShiftResponse {
  const zone = shift.timeZone;
  return {
    id: shift.id,
    title: shift.title,
    description: shift.description ?? null,
    locationText: shift.locationText ?? null,
    estateId: shift.estate?.id ?? null,
    startsAt: formatInstant(shift.startsAt, zone),
    endsAt: formatInstant(shift.endsAt, zone),
    timeZone: zone,
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
    createdAt: formatInstant(shift.createdAt, zone),
    updatedAt: formatInstant(shift.updatedAt, zone),
  };
}

/**
 * Claims arrive as entities, or as rows from the claim hot path (ClaimStore); their instants are
 * written in the community's zone (`zone`, CommunityZones).
 */
export function mapClaim(claim: Claim | ClaimRow, zone: string): ClaimResponse {
  const row = 'shift' in claim ? claimFacts(claim) : claim;
  return {
    id: row.id,
    shiftId: row.shiftId,
    personId: row.personId,
    status: row.status,
    source: row.source,
    reservationId: row.reservationId,
    startsAt: formatInstant(row.startsAt, zone),
    endsAt: formatInstant(row.endsAt, zone),
    checkedInAt: formatOptionalInstant(row.checkedInAt, zone),
    checkedOutAt: formatOptionalInstant(row.checkedOutAt, zone),
    creditedMinutes: row.creditedMinutes ?? null,
    createdAt: formatInstant(row.createdAt, zone),
    timeZone: zone,
  };
}

export function mapReservation(reservation: OrganisationReservation, zone: string): ReservationResponse {
  return {
    id: reservation.id,
    shiftId: reservation.shift.id,
    organisationId: reservation.organisation.id,
    places: reservation.places,
    assigned: reservation.assignedCount,
    status: reservation.status,
    releaseAt: formatInstant(reservation.releaseAt, zone),
    createdAt: formatInstant(reservation.createdAt, zone),
    timeZone: zone,
  };
}

function claimFacts(claim: Claim): ClaimRow {
  return {
    id: claim.id,
    shiftId: claim.shift.id,
    personId: claim.person.id,
    status: claim.status,
    source: claim.source,
    reservationId: claim.reservation?.id ?? null,
    startsAt: claim.startsAt,
    endsAt: claim.endsAt,
    checkedInAt: claim.checkedInAt ?? null,
    checkedOutAt: claim.checkedOutAt ?? null,
    creditedMinutes: claim.creditedMinutes ?? null,
    createdAt: claim.createdAt,
  };
}
