import type { CalendarScopes } from '../domain/calendar-scopes';
import { scopeKindsOf, type ReservedScopes } from './calendar-scope-registry';

const scopes = (name: string, kinds: string[]): CalendarScopes => ({
  name,
  kinds,
  exists: async () => true,
});
const reserved = (kinds: string[]): ReservedScopes => ({
  name: 'reserved',
  reserved: true,
  kinds,
  exists: async () => false,
});

describe('subscription scope kinds contributed by contexts', () => {
  it('maps each declared kind to the provider that declared it', () => {
    const identity = scopes('identity', ['person', 'organisation', 'estate']);
    const markets = scopes('markets', ['market-stall']);
    const byKind = scopeKindsOf([identity, markets]);
    expect([...byKind.keys()].sort()).toEqual(['estate', 'market-stall', 'organisation', 'person']);
    expect(byKind.get('market-stall')).toBe(markets);
  });

  it('lets a context’s own provider take over a reserved kind, whichever is found first', () => {
    const venues = scopes('venues', ['venue']);
    expect(scopeKindsOf([venues, reserved(['venue'])]).get('venue')).toBe(venues);
    expect(scopeKindsOf([reserved(['venue']), venues]).get('venue')).toBe(venues);
    expect(scopeKindsOf([reserved(['venue'])]).get('venue')?.name).toBe('reserved');
  });

  it('counts the same provider class found twice once', () => {
    class Markets implements CalendarScopes {
      readonly name = 'markets';
      readonly kinds = ['market-stall'];
      async exists() {
        return true;
      }
    }
    expect(scopeKindsOf([new Markets(), new Markets()]).size).toBe(1);
  });

  it.each([
    ['two contexts declaring one kind', [scopes('a', ['stall']), scopes('b', ['stall'])], /both a and b/],
    ['a kind that is not a lower-case word', [scopes('a', ['Market Stall'])], /not a kind/],
    ['the community kind, which is the calendar’s own', [scopes('a', ['community'])], /not a kind/],
  ])('refuses to boot with %s', (_name, found, message) => {
    expect(() => scopeKindsOf(found)).toThrow(message);
  });
});
