import type { InviteIntent } from './invite-planner';

export type InviteMethod = 'REQUEST' | 'CANCEL';

/** The last message a person got about an entry: the organiser's record of an attendee (RFC 5546). */
export interface InviteState {
  communityId: string;
  uid: string;
  personId: string;
  sequence: number;
  method: InviteMethod;
}

export interface InviteMessage {
  intent: InviteIntent;
  method: InviteMethod;
  sequence: number;
}

export const inviteKey = (s: { communityId: string; uid: string; personId: string }): string =>
  `${s.communityId}\u0000${s.uid}\u0000${s.personId}`;

export const intentKey = (intent: InviteIntent): string =>
  inviteKey({ communityId: intent.communityId, uid: intent.entry.uid, personId: intent.recipient.personId });

/**
 * The messages a batch of intents (in event order) calls for, given what each person was last
 * sent. Per person and entry:
 * - SEQUENCE only goes up: the entry's version, or one more than the last message when that is
 *   not higher (a CANCEL of a claim, or a second invite after a cancel, at the same version);
 * - updates and cancellations go only to people holding a REQUEST (waitlisted people never got
 *   one);
 * - one message per batch, the last (confirmed then moved within a batch: one REQUEST with the
 *   new times; confirmed then cancelled: nothing at all);
 * - nothing about entries that have ended by `now`.
 */
export function decideInvites(
  before: ReadonlyMap<string, InviteState>,
  intents: readonly InviteIntent[],
  now: Date,
): { messages: InviteMessage[]; states: InviteState[] } {
  const current = new Map(before);
  const last = new Map<string, InviteMessage>();
  for (const intent of intents) {
    if (intent.entry.end.getTime() <= now.getTime()) continue;
    const key = intentKey(intent);
    const state = current.get(key);
    const invited = state?.method === 'REQUEST';
    if (intent.change !== 'added' && !invited) continue;
    const method: InviteMethod = intent.change === 'removed' ? 'CANCEL' : 'REQUEST';
    const sequence = state ? Math.max(intent.entry.sequence, state.sequence + 1) : intent.entry.sequence;
    current.set(key, {
      communityId: intent.communityId,
      uid: intent.entry.uid,
      personId: intent.recipient.personId,
      sequence,
      method,
    });
    last.delete(key); // re-inserted: messages keep the order of each key's last intent
    last.set(key, { intent, method, sequence });
  }
  const messages = [...last.entries()]
    .filter(([key, message]) => message.method === 'REQUEST' || before.get(key)?.method === 'REQUEST')
    .map(([, message]) => message);
  return { messages, states: [...last.keys()].map((key) => current.get(key)!) };
}
