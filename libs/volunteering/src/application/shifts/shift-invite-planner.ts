import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, pickEvents, type AppConfig, type ContractEvent, isUuid } from '@linli/platform';
import {
  InvitePlannerProvider,
  type InviteChange,
  type InviteIntent,
  type InvitePlanner,
  type InviteRecipient,
} from '@linli/calendar';
import { IdentityDirectory } from '@linli/identity';
import { shiftCalendarEntry } from '../../domain/shift-calendar-entry';
import { VOLUNTEERING_EVENTS } from '../../domain/volunteering-events';
import { ShiftInviteQueries } from '../../infra/shift-invite.queries';

/** What each shift event means for the people it names. */
const CHANGES = {
  ClaimConfirmed: 'added',
  WaitlistPromoted: 'added',
  ShiftChanged: 'updated',
  ClaimCancelled: 'removed',
  ShiftCancelled: 'removed',
} as const satisfies Record<string, InviteChange>;

const CONTRACTS = pickEvents(VOLUNTEERING_EVENTS, Object.keys(CHANGES) as (keyof typeof CHANGES)[]);
type ShiftInviteEvent = ContractEvent<typeof CONTRACTS>;

/**
 * Volunteering's side of invites by email (the calendar's InvitePlanner port): a person confirmed
 * on a shift (or promoted from its waitlist) is added; a moved or relocated shift is an update for
 * everyone on it; a cancelled claim or shift removes them. The entry is the shift as the event
 * describes it (its times, place and version then), with the same UID as the person's feed.
 * Two reads per batch: the shifts' descriptions and estates, and the people's addresses
 * (identity's read port).
 */
@Injectable()
@InvitePlannerProvider()
export class ShiftInvitePlanner implements InvitePlanner<typeof CONTRACTS> {
  readonly name = 'volunteering';
  readonly contracts = CONTRACTS;

  constructor(
    private readonly queries: ShiftInviteQueries,
    private readonly identity: IdentityDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async plan(events: ShiftInviteEvent[]): Promise<InviteIntent[]> {
    const named = events.flatMap((event) => {
      const people = peopleNamed(event);
      return people.length ? [{ event, change: CHANGES[event.type], people }] : [];
    });
    if (!named.length) return [];
    const [shifts, contacts] = await Promise.all([
      this.queries.extras(named.map((n) => n.event.aggregateId)),
      this.identity.contacts(
        undefined,
        named.flatMap((n) => n.people),
      ),
    ]);
    const shiftById = new Map(shifts.map((s) => [s.id, s]));
    const recipients = new Map<string, InviteRecipient>();
    for (const contact of contacts) {
      if (contact.mailAddress)
        recipients.set(`${contact.communityId}/${contact.personId}`, {
          personId: contact.personId,
          name: contact.name,
          email: contact.mailAddress,
          languages: contact.languages,
        });
    }
    const baseUrl = this.config.feeds?.publicBaseUrl ?? '';
    const intents: InviteIntent[] = [];
    for (const { event, change, people } of named) {
      const { payload } = event;
      const extras = shiftById.get(event.aggregateId);
      const entry = shiftCalendarEntry(
        {
          id: event.aggregateId,
          title: payload.title,
          description: extras?.description ?? null,
          locationText: payload.locationText,
          estateName: extras?.estateName ?? null,
          originContext: extras?.originContext ?? null,
          startsAt: new Date(payload.startsAt),
          endsAt: new Date(payload.endsAt),
          timeZone: payload.timeZone,
          version: event.version,
          // DTSTAMP of the message: when the change happened.
          updatedAt: event.occurredAt,
          cancelled: payload.status === 'cancelled',
        },
        { audience: 'personal', place: change === 'removed' ? 'cancelled' : 'confirmed' },
        baseUrl,
      );
      for (const personId of people) {
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

function peopleNamed(event: ShiftInviteEvent): string[] {
  const ids =
    event.type === 'ShiftChanged' || event.type === 'ShiftCancelled'
      ? event.payload.affectedPersonIds
      : [event.payload.personId];
  return [...new Set(ids.filter(isUuid))];
}
