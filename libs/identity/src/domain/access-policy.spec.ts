import type { Actor } from '@linli/platform';
import {
  canAddExistingPerson,
  canManageOrganisation,
  canSeePerson,
  canSetMembershipRole,
  staffOnlyFieldsTouched,
} from './access-policy';

const organiser: Actor = { accountId: 'a1', communityId: 'c', role: 'organiser', personId: 'p-org' };
const coordinator: Actor = {
  accountId: 'a2',
  communityId: 'c',
  role: 'coordinator',
  personId: 'p-coord',
  organisationId: 'org-1',
};
const volunteer: Actor = { accountId: 'a3', communityId: 'c', role: 'volunteer', personId: 'p-vol' };

describe('who may see a person', () => {
  it.each([
    ['organiser, anyone', organiser, { isSelf: false, isMemberOfActorsOrganisation: false }, true],
    ['coordinator, themselves', coordinator, { isSelf: true, isMemberOfActorsOrganisation: false }, true],
    [
      'coordinator, a member of their organisation',
      coordinator,
      { isSelf: false, isMemberOfActorsOrganisation: true },
      true,
    ],
    ['coordinator, a stranger', coordinator, { isSelf: false, isMemberOfActorsOrganisation: false }, false],
    ['volunteer, themselves', volunteer, { isSelf: true, isMemberOfActorsOrganisation: false }, true],
    ['volunteer, anyone else', volunteer, { isSelf: false, isMemberOfActorsOrganisation: false }, false],
  ])('%s', (_scenario, actor, relation, expected) => {
    expect(canSeePerson(actor, relation)).toBe(expected);
  });
});

describe('staff-only person fields', () => {
  it('organisers may set anything', () => {
    expect(staffOnlyFieldsTouched(organiser, ['active', 'qualifications', 'name'])).toEqual([]);
  });
  it.each([coordinator, volunteer])('$role may not set active or qualifications', (actor) => {
    expect(staffOnlyFieldsTouched(actor, ['phone', 'qualifications', 'active'])).toEqual([
      'qualifications',
      'active',
    ]);
    expect(staffOnlyFieldsTouched(actor, ['phone', 'skills'])).toEqual([]);
  });
});

describe('organisation management', () => {
  it('organisers manage every organisation; a coordinator only their own; volunteers none', () => {
    expect(canManageOrganisation(organiser, 'org-9')).toBe(true);
    expect(canManageOrganisation(coordinator, 'org-1')).toBe(true);
    expect(canManageOrganisation(coordinator, 'org-9')).toBe(false);
    expect(canManageOrganisation(volunteer, 'org-1')).toBe(false);
  });
  it('only organisers add an existing person to an organisation (a coordinator would take them over)', () => {
    expect(canAddExistingPerson(organiser)).toBe(true);
    expect(canAddExistingPerson(coordinator)).toBe(false);
    expect(canAddExistingPerson(volunteer)).toBe(false);
  });
  it('only organisers appoint coordinators', () => {
    expect(canSetMembershipRole(organiser, 'coordinator')).toBe(true);
    expect(canSetMembershipRole(coordinator, 'coordinator')).toBe(false);
    expect(canSetMembershipRole(coordinator, 'member')).toBe(true);
  });
});
