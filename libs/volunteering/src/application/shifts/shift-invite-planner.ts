import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig, type PublishedEvent } from '@linli/platform';
import type { InviteChange, InviteIntent, InvitePlanner, InviteRecipient } from '@linli/calendar';
import { shiftCalendarEntry } from '../domain/shift-calendar-entry';
import type { ShiftEventType } from './shift-events';

/** What each shift event means for the people it names. */
const CHANGES: Partial<Record<ShiftEventType, InviteChange>> = {
  ClaimConfirmed: 'added',
  WaitlistPromoted: 'added',
  ShiftChanged: 'updated',
  ClaimCancelled: 'removed',
  ShiftCancelled: 'removed',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ShiftExtras {
  id: string;
  description: string | null;
  estate_name: string | null;
  origin_context: string | null;
}

interface PersonRow {
  id: string;
  community_id: string;
  name: string;
  languages: string[];
  email: string | null;
}

/**
 * Volunteering's side of invites by email (the calendar's InvitePlanner port): a person confirmed
 * on a shift (or promoted from its waitlist) is added; a moved or relocated shift is an update for
 * everyone on it; a cancelled claim or shift removes them. The entry is the shift as the event
 * describes it (its times, place and version then), with the same UID as the person's feed.
 * Two queries per batch: the shifts' descriptions and estates, and the people's addresses.
 */
@Injectable()
export class ShiftInvitePlanner implements InvitePlanner {
  readonly name = 'volunteering';
  readonly eventTypes = Object.keys(CHANGES);
  private readonly logger = new Logger(ShiftInvitePlanner.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async plan(events: PublishedEvent[]): Promise<InviteIntent[]> {
    const named = events.flatMap((event) => {
      const change = CHANGES[event.type as ShiftEventType];
      const people = peopleNamed(event);
      if (!change || !people.length) return [];
      if (!hasTimes(event)) {
        this.logger.warn({ eventId: event.id, type: event.type }, 'shift event without times: no invite');
        return [];
      }
      return [{ event, change, people }];
    });
    if (!named.length) return [];
    const connection = this.em.getConnection();
    const [shifts, people] = await Promise.all([
      connection.execute<ShiftExtras[]>(
        `SELECT s.id, s.description, e.name AS estate_name, s.origin_context
           FROM shift s LEFT JOIN estate e ON e.id = s.estate_id
          WHERE s.id = ANY(?::uuid[])`,
        [uuidArray(named.map((n) => n.event.aggregateId))],
      ),
      // The person's own address, else their account's login address.
      connection.execute<PersonRow[]>(
        `SELECT p.id, p.community_id, p.name, p.languages,
                COALESCE(NULLIF(p.email, ''),
                         (SELECT a.email FROM account a
                           WHERE a.person_id = p.id AND a.active AND a.email IS NOT NULL
                           ORDER BY a.created_at LIMIT 1)) AS email
           FROM person p
          WHERE p.id = ANY(?::uuid[])`,
        [uuidArray(named.flatMap((n) => n.people))],
      ),
    ]);
    const shiftById = new Map(shifts.map((s) => [s.id, s]));
    const recipients = new Map<string, InviteRecipient>();
    for (const p of people) {
      if (p.email)
        recipients.set(`${p.community_id}/${p.id}`, {
          personId: p.id,
          name: p.name,
          email: p.email,
          languages: p.languages,
        });
    }
    const baseUrl = this.config.feeds?.publicBaseUrl ?? '';
    const intents: InviteIntent[] = [];
    for (const { event, change, people: personIds } of named) {
      const payload = event.payload as ShiftPayload;
      const extras = shiftById.get(event.aggregateId);
      const entry = shiftCalendarEntry(
        {
          id: event.aggregateId,
          title: payload.title ?? '',
          description: extras?.description ?? null,
          locationText: payload.locationText ?? null,
          estateName: extras?.estate_name ?? null,
          originContext: extras?.origin_context ?? null,
          startsAt: new Date(payload.startsAt!),
          endsAt: new Date(payload.endsAt!),
          timeZone: payload.timeZone ?? 'Asia/Shanghai',
          version: event.version,
          // DTSTAMP of the message: when the change happened.
          updatedAt: event.occurredAt,
          cancelled: payload.status === 'cancelled',
        },
        { audience: 'personal', place: change === 'removed' ? 'cancelled' : 'confirmed' },
        baseUrl,
      );
      for (const personId of personIds) {
        const recipient = recipients.get(`${event.communityId}/${personId}`);
        // People without an email address get no invite (their feed still has the shift).
        if (!recipient) continue;
        intents.push({
          eventId: event.id,
          communityId: event.communityId,
          change,
          subject: 'shift',
          recipient,
          entry,
        });
      }
    }
    return intents;
  }
}

interface ShiftPayload {
  title?: string;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  locationText?: string | null;
  status?: string;
  personId?: string;
  affectedPersonIds?: string[];
}

function peopleNamed(event: PublishedEvent): string[] {
  const payload = event.payload as ShiftPayload;
  const ids = payload.affectedPersonIds ?? (payload.personId ? [payload.personId] : []);
  return [...new Set(ids.filter((id) => typeof id === 'string' && UUID.test(id)))];
}

function hasTimes(event: PublishedEvent): boolean {
  const { startsAt, endsAt } = event.payload as ShiftPayload;
  return !Number.isNaN(Date.parse(startsAt ?? '')) && !Number.isNaN(Date.parse(endsAt ?? ''));
}

/** A PostgreSQL array literal of UUIDs (checked, so nothing else is ever inlined). */
function uuidArray(ids: string[]): string {
  return `{${[...new Set(ids)].filter((id) => UUID.test(id)).join(',')}}`;
}
