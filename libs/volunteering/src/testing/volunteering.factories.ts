import { randomUUID } from 'node:crypto';
import { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import type { Actor, Role } from '@linli/platform';
import type { Community, Person } from '@linli/identity';
import { makeAccount, makePerson } from '@linli/identity/testing';
import { Claim, type ClaimSource, type ClaimStatus } from '../infra/claim.entity';
import { OrganisationReservation } from '../infra/organisation-reservation.entity';
import { ShiftSeries } from '../infra/shift-series.entity';
import { Shift } from '../infra/shift.entity';
import { dailyCheckInCode, localDate } from '../domain/attendance';

/*
 * Typed factories for volunteering's records, for tests of this and other contexts. They write
 * rows as the use cases would leave them (a confirmed claim counts on its shift, a reservation
 * holds its places), so the counters' CHECK holds; they publish no events. Tests that are about
 * a rule go through the use case or the API instead.
 */

const HOUR = 3600_000;

type ShiftFields = Partial<Omit<Shift, 'community'>>;

/** A shift starting `startsInHours` from `now`, 2 hours long, in Shanghai. */
export function makeShift(
  em: EntityManager,
  communityId: string,
  overrides: ShiftFields & { now?: Date; startsInHours?: number; hours?: number } = {},
): Shift {
  const { now = new Date(), startsInHours = 48, hours = 2, ...fields } = overrides;
  const startsAt = new Date(now.getTime() + startsInHours * HOUR);
  return em.create(Shift, {
    community: communityId,
    title: '城南市集 · 理发',
    locationText: '社区服务中心',
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * HOUR),
    timeZone: 'Asia/Shanghai',
    capacity: 5,
    ...fields,
  } as RequiredEntityData<Shift>);
}

/** makeShift, saved: for tests that go on through the API. */
export async function createShift(
  em: EntityManager,
  communityId: string,
  overrides: Parameters<typeof makeShift>[2] = {},
): Promise<Shift> {
  const shift = makeShift(em, communityId, overrides);
  await em.flush();
  return shift;
}

export interface ClaimFields {
  status?: ClaimStatus;
  source?: ClaimSource;
  /** The account that made it; the person's own id stands in when the test has no account. */
  createdBy?: string;
  reservation?: OrganisationReservation | null;
  creditedMinutes?: number | null;
  checkedInAt?: Date | null;
}

/**
 * A claim of `personId` on `shift` (confirmed unless told otherwise), with the shift's times. A
 * confirmed claim counts on the shift; one on a reservation takes one of its held places.
 */
export function makeClaim(
  em: EntityManager,
  shift: Shift,
  personId: string,
  fields: ClaimFields = {},
): Claim {
  const status = fields.status ?? 'confirmed';
  const reservation = fields.reservation ?? null;
  const claim = em.create(Claim, {
    community: shift.community,
    shift,
    person: personId,
    status,
    source: fields.source ?? (reservation ? 'organisation' : 'self'),
    reservation,
    createdBy: fields.createdBy ?? personId,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    creditedMinutes: fields.creditedMinutes ?? (status === 'completed' || status === 'no_show' ? 0 : null),
    checkedInAt: fields.checkedInAt ?? null,
  } as RequiredEntityData<Claim>);
  if (status === 'confirmed' || status === 'completed' || status === 'no_show') {
    shift.confirmedCount += 1;
    if (reservation) {
      reservation.assignedCount += 1;
      shift.heldCount -= 1;
    }
  }
  return claim;
}

/** makeClaim, saved. */
export async function createClaim(
  em: EntityManager,
  shift: Shift,
  personId: string,
  fields: ClaimFields = {},
): Promise<Claim> {
  const claim = makeClaim(em, shift, personId, fields);
  await em.flush();
  return claim;
}

export interface ReservationFields {
  places?: number;
  /** When unassigned places go back to the pool; a day before the shift unless told otherwise. */
  releaseAt?: Date;
  createdBy?: string;
}

/** An organisation's block of places on `shift` (held on the shift's counter). */
export function makeReservation(
  em: EntityManager,
  shift: Shift,
  organisationId: string,
  fields: ReservationFields = {},
): OrganisationReservation {
  const places = fields.places ?? 1;
  const reservation = em.create(OrganisationReservation, {
    community: shift.community,
    shift,
    organisation: organisationId,
    places,
    releaseAt: fields.releaseAt ?? new Date(shift.startsAt.getTime() - 24 * HOUR),
    createdBy: fields.createdBy ?? randomUUID(),
  } as RequiredEntityData<OrganisationReservation>);
  shift.heldCount += places;
  return reservation;
}

/** makeReservation, saved. */
export async function createReservation(
  em: EntityManager,
  shift: Shift,
  organisationId: string,
  fields: ReservationFields = {},
): Promise<OrganisationReservation> {
  const reservation = makeReservation(em, shift, organisationId, fields);
  await em.flush();
  return reservation;
}

type SeriesFields = Partial<Omit<ShiftSeries, 'community'>>;

/**
 * A weekly series (Tuesdays 09:00, 2 hours, in Shanghai) without its shifts: materialise it
 * through ShiftSeriesService (or its tick) to get them.
 */
export function makeSeries(em: EntityManager, communityId: string, fields: SeriesFields = {}): ShiftSeries {
  return em.create(ShiftSeries, {
    community: communityId,
    title: '每周二 · 理发',
    locationText: '社区服务中心',
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    dtstart: '2026-12-01T09:00:00',
    timeZone: 'Asia/Shanghai',
    durationMinutes: 120,
    capacity: 5,
    ...fields,
  } as RequiredEntityData<ShiftSeries>);
}

/** makeSeries, saved. */
export async function createSeries(
  em: EntityManager,
  communityId: string,
  fields: SeriesFields = {},
): Promise<ShiftSeries> {
  const series = makeSeries(em, communityId, fields);
  await em.flush();
  return series;
}

/** A person of `community` who can sign in as a volunteer (identity's factories), saved. */
export async function createVolunteer(
  em: EntityManager,
  community: Community,
  fields: Partial<Person> = {},
): Promise<{ person: Person; email: string; accountId: string }> {
  const person = makePerson(em, community, fields);
  const account = await makeAccount(em, community, 'volunteer', { person });
  await em.flush();
  return { person, email: account.email!, accountId: account.id };
}

/** A person of `community` without an account (an organiser places them), saved. */
export async function createPerson(
  em: EntityManager,
  community: Community,
  fields: Partial<Person> = {},
): Promise<Person> {
  const person = makePerson(em, community, fields);
  await em.flush();
  return person;
}

/** The actor an account is (as its access token would say): for calling use cases without HTTP. */
export function actorOf(account: {
  id: string;
  community: { id: string };
  role: Role;
  person?: { id: string } | null;
  organisation?: { id: string } | null;
}): Actor {
  return {
    accountId: account.id,
    communityId: account.community.id,
    role: account.role,
    ...(account.person ? { personId: account.person.id } : {}),
    ...(account.organisation ? { organisationId: account.organisation.id } : {}),
  };
}

/** The check-in code a shift's QR shows at `now` (it changes each local day). */
export function checkInCodeAt(shift: Pick<Shift, 'checkinSecret' | 'timeZone'>, now: Date): string {
  return dailyCheckInCode(shift.checkinSecret, localDate(now, shift.timeZone));
}
