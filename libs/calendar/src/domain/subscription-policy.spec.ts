import type { Actor } from '@linli/platform';
import { defaultScopeId, maySubscribe } from './subscription-policy';
import type { SubscriptionScope } from './subscription-scope';

const organiser: Actor = { accountId: 'a1', communityId: 'c', role: 'organiser' };
const coordinator: Actor = {
  accountId: 'a2',
  communityId: 'c',
  role: 'coordinator',
  personId: 'p-coord',
  organisationId: 'o-own',
};
const volunteer: Actor = { accountId: 'a3', communityId: 'c', role: 'volunteer', personId: 'p-self' };

describe('maySubscribe', () => {
  it.each<[string, Actor, SubscriptionScope, boolean]>([
    ['a volunteer to their own shifts', volunteer, { kind: 'person', id: 'p-self' }, true],
    ['a volunteer to someone else', volunteer, { kind: 'person', id: 'p-other' }, false],
    ['a volunteer to an organisation', volunteer, { kind: 'organisation', id: 'o-own' }, false],
    ['a volunteer to an estate', volunteer, { kind: 'estate', id: 'e' }, false],
    ['a volunteer to the community', volunteer, { kind: 'community', id: null }, false],
    ['a coordinator to their organisation', coordinator, { kind: 'organisation', id: 'o-own' }, true],
    ['a coordinator to another organisation', coordinator, { kind: 'organisation', id: 'o-x' }, false],
    ['a coordinator to themselves', coordinator, { kind: 'person', id: 'p-coord' }, true],
    ['a coordinator to one of their members', coordinator, { kind: 'person', id: 'p-member' }, false],
    ['a coordinator to a venue', coordinator, { kind: 'venue', id: 'v' }, false],
    ['an organiser to anyone', organiser, { kind: 'person', id: 'p-other' }, true],
    ['an organiser to the community', organiser, { kind: 'community', id: null }, true],
    ['an organiser to an estate', organiser, { kind: 'estate', id: 'e' }, true],
  ])('%s: %s', (_name, actor, scope, expected) => {
    expect(maySubscribe(actor, scope).allowed).toBe(expected);
  });

  it('never lets a person scope without an id through for people without a person record', () => {
    expect(maySubscribe({ ...volunteer, personId: undefined }, { kind: 'person', id: null }).allowed).toBe(
      false,
    );
  });
});

describe('defaultScopeId', () => {
  it('means one’s own person and a coordinator’s own organisation; nothing to assume elsewhere', () => {
    expect(defaultScopeId(volunteer, 'person')).toBe('p-self');
    expect(defaultScopeId(coordinator, 'organisation')).toBe('o-own');
    expect(defaultScopeId(organiser, 'organisation')).toBeUndefined();
    expect(defaultScopeId(organiser, 'person')).toBeUndefined();
    expect(defaultScopeId(organiser, 'estate')).toBeUndefined();
    expect(defaultScopeId(organiser, 'community')).toBeNull();
  });
});
