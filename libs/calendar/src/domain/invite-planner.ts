import type { ContractEvent, EventContracts } from '@linli/platform';
import type { CalendarEntry } from './calendar-entry';

/** Whom an invite goes to. Only people with an email address are ever planned. */
export interface InviteRecipient {
  personId: string;
  name: string;
  email: string;
  /** BCP 47 tags in order of preference. */
  languages: string[];
}

/**
 * What happened to a person's place on an entry:
 * - added: put on it (always invited);
 * - updated: the entry moved or changed place (only people already invited hear of it);
 * - removed: taken off it, or it was cancelled (a CANCEL, only to people who were invited).
 */
export type InviteChange = 'added' | 'updated' | 'removed';

export interface InviteIntent {
  eventId: string;
  communityId: string;
  change: InviteChange;
  /** What the entry is, for the mail kinds `${subject}_invite` / `${subject}_cancel`, e.g. 'shift'. */
  subject: string;
  recipient: InviteRecipient;
  /** The entry as of the event; its UID is the one the person's feed carries. */
  entry: CalendarEntry;
}

/**
 * The port through which a context turns its domain events into invites (volunteering:
 * ClaimConfirmed, ShiftChanged, ClaimCancelled...). The calendar keeps who was invited to what,
 * decides REQUEST or CANCEL and the SEQUENCE, renders the iTIP message and queues the mail.
 */
export interface InvitePlanner<C extends EventContracts = EventContracts> {
  readonly name: string;
  /**
   * The publisher's contracts of the events this planner reads (`pickEvents(X_EVENTS, [...])`):
   * it is only given these, parsed with their schemas (a payload they refuse is parked before).
   */
  readonly contracts: C;
  /**
   * Intents for a batch of events in their order, in a bounded number of queries (never one per
   * event). People without an email address are left out.
   */
  plan(events: ContractEvent<C>[]): Promise<InviteIntent[]>;
}

/** Nest injection token for the list of registered planners. */
export const INVITE_PLANNERS = Symbol('INVITE_PLANNERS');
