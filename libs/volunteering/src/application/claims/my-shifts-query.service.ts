import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, Clock, DomainError } from '@linli/platform';
import { MyShiftsQueries, type MyShiftRow } from '../../infra/my-shifts.queries';
import { effectiveRules } from './effective-rules';

const DAY = 24 * 60 * 60_000;
const MINUTE = 60_000;
export const MY_SHIFTS_DEFAULT_DAYS = 90;
export const MY_SHIFTS_MAX_DAYS = 366;

/** Where the person stands on a shift, as their list says it. */
export type MyShiftStatus = 'confirmed' | 'checked_in' | 'waitlisted' | 'completed' | 'no_show';

export interface MyShift {
  claimId: string;
  status: MyShiftStatus;
  waitlistPosition: number | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  /** Until this instant the person may cancel themselves (the cut-off); organisers always may. */
  cancellableUntil: Date;
  shift: {
    id: string;
    title: string;
    locationText: string | null;
    estate: { id: string; name: string } | null;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    status: MyShiftRow['shift_status'];
  };
}

export interface MyShifts {
  personId: string | null;
  from: Date;
  to: Date;
  truncated: boolean;
  items: MyShift[];
}

/**
 * The caller's own shifts (claims not cancelled) overlapping a window: by default those not over
 * yet and the next 90 days. An account without a person (an organiser's) has none.
 */
@Injectable()
export class MyShiftsQueryService {
  constructor(
    private readonly queries: MyShiftsQueries,
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async forActor(actor: Actor, query: { from?: Date; to?: Date; limit: number }): Promise<MyShifts> {
    const from = query.from ?? this.clock.now();
    const to = query.to ?? new Date(from.getTime() + MY_SHIFTS_DEFAULT_DAYS * DAY);
    if (to <= from || to.getTime() - from.getTime() > MY_SHIFTS_MAX_DAYS * DAY)
      throw new DomainError('VALIDATION_FAILED', `to must be after from, within ${MY_SHIFTS_MAX_DAYS} days`, [
        { field: 'to', message: `after from, within ${MY_SHIFTS_MAX_DAYS} days` },
      ]);
    if (!actor.personId) return { personId: null, from, to, truncated: false, items: [] };
    const rows = await this.queries.forPerson(
      actor.communityId,
      actor.personId,
      { from, to },
      query.limit + 1,
    );
    const { cancelCutoffMinutes } = await effectiveRules(this.em, actor.communityId);
    return {
      personId: actor.personId,
      from,
      to,
      truncated: rows.length > query.limit,
      items: rows.slice(0, query.limit).map((row) => toMyShift(row, cancelCutoffMinutes)),
    };
  }
}

function toMyShift(row: MyShiftRow, communityCutoffMinutes: number): MyShift {
  const cutoff = row.cancel_cutoff_minutes ?? communityCutoffMinutes;
  return {
    claimId: row.claim_id,
    status: row.claim_status === 'confirmed' && row.checked_in_at ? 'checked_in' : row.claim_status,
    waitlistPosition: row.waitlist_position,
    checkedInAt: row.checked_in_at,
    checkedOutAt: row.checked_out_at,
    cancellableUntil: new Date(row.starts_at.getTime() - cutoff * MINUTE),
    shift: {
      id: row.shift_id,
      title: row.title,
      locationText: row.location_text,
      estate: row.estate_id ? { id: row.estate_id, name: row.estate_name ?? '' } : null,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      timeZone: row.time_zone,
      status: row.shift_status,
    },
  };
}
