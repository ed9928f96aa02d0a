import { assignableMembers, onBlock, peopleByShift, releaseState, shrinkOptions } from './blocks-data';

const NOW = new Date('2026-12-01T09:00:00+08:00');

describe('releaseState', () => {
  it('says nothing is released when every place has a member', () => {
    expect(releaseState({ places: 3, assigned: 3, releaseAt: '2026-12-01T10:00:00+08:00' }, NOW)).toEqual({
      kind: 'full',
    });
  });

  it('warns when unassigned places go back within 48 hours', () => {
    expect(releaseState({ places: 3, assigned: 1, releaseAt: '2026-12-03T09:00:00+08:00' }, NOW)).toEqual({
      kind: 'soon',
      unassigned: 2,
    });
  });

  it('only mentions a release further away', () => {
    expect(releaseState({ places: 3, assigned: 1, releaseAt: '2026-12-03T09:00:01+08:00' }, NOW)).toEqual({
      kind: 'later',
      unassigned: 2,
    });
  });
});

describe('shrinkOptions', () => {
  it('offers fewer places, down to the members assigned', () => {
    expect(shrinkOptions({ places: 5, assigned: 2 })).toEqual([4, 3, 2]);
  });

  it('keeps at least one place (cancelling is its own action)', () => {
    expect(shrinkOptions({ places: 3, assigned: 0 })).toEqual([2, 1]);
  });

  it('offers nothing when every place is assigned', () => {
    expect(shrinkOptions({ places: 2, assigned: 2 })).toEqual([]);
  });
});

describe('peopleByShift, onBlock and assignableMembers', () => {
  const person = (personId: string, organisationId: string | null) => ({
    checkedIn: false,
    claimId: `claim-${personId}`,
    name: personId,
    organisationId,
    personId,
    phone: null,
    status: 'confirmed' as const,
  });
  const rota = {
    days: [
      { shifts: [{ id: 'shift-1', people: [person('a', 'org'), person('b', null), person('c', 'other')] }] },
    ],
  } as unknown as Parameters<typeof peopleByShift>[0];

  it("lists only the organisation's members on its places", () => {
    const people = peopleByShift(rota).get('shift-1') ?? [];
    expect(onBlock(people, 'org').map((p) => p.personId)).toEqual(['a']);
  });

  it('leaves out members already on the shift, on any kind of place', () => {
    const members = [{ personId: 'a' }, { personId: 'b' }, { personId: 'd' }];
    expect(assignableMembers(members, [person('a', 'org'), person('b', null)])).toEqual([{ personId: 'd' }]);
  });
});
