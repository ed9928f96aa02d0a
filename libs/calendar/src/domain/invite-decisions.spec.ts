import type { CalendarEntry } from './calendar-entry';
import { decideInvites, inviteKey, type InviteState } from './invite-decisions';
import type { InviteChange, InviteIntent } from './invite-planner';

const NOW = new Date('2026-12-01T00:00:00Z');
const COMMUNITY = 'c0000000-0000-4000-8000-000000000000';
const ALICE = 'a0000000-0000-4000-8000-000000000000';
const BOB = 'b0000000-0000-4000-8000-000000000000';

function intent(
  change: InviteChange,
  version: number,
  personId = ALICE,
  uid = 'shift-1@linli',
): InviteIntent {
  const entry: CalendarEntry = {
    uid,
    sequence: version,
    status: 'CONFIRMED',
    start: new Date('2026-12-03T00:00:00Z'),
    end: new Date('2026-12-03T02:00:00Z'),
    timeZone: 'Asia/Shanghai',
    summary: '理发',
    lastModified: NOW,
  };
  return {
    eventId: String(version),
    communityId: COMMUNITY,
    change,
    subject: 'shift',
    recipient: { personId, name: 'A', email: `${personId}@test.linli`, languages: ['zh-CN'] },
    entry,
  };
}

const state = (method: 'REQUEST' | 'CANCEL', sequence: number, personId = ALICE): InviteState => ({
  communityId: COMMUNITY,
  uid: 'shift-1@linli',
  personId,
  sequence,
  method,
});

const states = (...list: InviteState[]) => new Map(list.map((s) => [inviteKey(s), s]));
const sent = (before: Map<string, InviteState>, intents: InviteIntent[]) =>
  decideInvites(before, intents, NOW).messages.map((m) => [
    m.intent.recipient.personId,
    m.method,
    m.sequence,
  ]);

describe('which invites a batch of changes calls for', () => {
  it('confirmed: a REQUEST at the entry’s version', () => {
    expect(sent(states(), [intent('added', 1)])).toEqual([[ALICE, 'REQUEST', 1]]);
  });

  it('moved: a REQUEST with the higher version to whoever holds a REQUEST', () => {
    expect(sent(states(state('REQUEST', 1)), [intent('updated', 2)])).toEqual([[ALICE, 'REQUEST', 2]]);
  });

  it('moved: nothing to people never invited (the waitlist) or already cancelled', () => {
    expect(sent(states(), [intent('updated', 2)])).toEqual([]);
    expect(sent(states(state('CANCEL', 2)), [intent('updated', 3)])).toEqual([]);
  });

  it('claim cancelled at the same version: a CANCEL one SEQUENCE higher than the REQUEST', () => {
    expect(sent(states(state('REQUEST', 2)), [intent('removed', 2)])).toEqual([[ALICE, 'CANCEL', 3]]);
  });

  it('shift cancelled (version bumped): a CANCEL at the new version; nothing to the never invited', () => {
    const before = states(state('REQUEST', 1));
    expect(sent(before, [intent('removed', 2), intent('removed', 2, BOB)])).toEqual([[ALICE, 'CANCEL', 2]]);
  });

  it('confirmed again after a cancel at the same version: the SEQUENCE still goes up', () => {
    expect(sent(states(state('CANCEL', 2)), [intent('added', 1)])).toEqual([[ALICE, 'REQUEST', 3]]);
  });

  it('one message per person and entry per batch: the last one', () => {
    expect(sent(states(), [intent('added', 1), intent('updated', 2)])).toEqual([[ALICE, 'REQUEST', 2]]);
  });

  it('confirmed and cancelled within one batch: nothing at all, but the state remembers the SEQUENCE', () => {
    const { messages, states: after } = decideInvites(
      states(),
      [intent('added', 1), intent('removed', 1)],
      NOW,
    );
    expect(messages).toEqual([]);
    expect(after).toEqual([state('CANCEL', 2)]);
  });

  it('nothing about entries that have ended', () => {
    const ended = intent('added', 1);
    ended.entry.end = NOW;
    expect(sent(states(), [ended])).toEqual([]);
  });

  it('people and entries are independent', () => {
    const intents = [intent('added', 1), intent('added', 1, BOB), intent('added', 4, ALICE, 'shift-2@linli')];
    expect(sent(states(), intents)).toEqual([
      [ALICE, 'REQUEST', 1],
      [BOB, 'REQUEST', 1],
      [ALICE, 'REQUEST', 4],
    ]);
  });
});
