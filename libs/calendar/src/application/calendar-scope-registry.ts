import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { CalendarScopes } from '../domain/calendar-scopes';
import { COMMUNITY_SCOPE_KIND, SCOPE_KIND_PATTERN } from '../domain/subscription-scope';

/**
 * Marks a provider, in any module, as CalendarScopes: the subscription scope kinds it declares
 * can be subscribed to. Contexts register kinds from their own folder, not in the calendar.
 */
export const CalendarScopeProvider = DiscoveryService.createDecorator<void>();

/**
 * Kinds held for a context still to come (venue): accepted, naming nothing (404) until that
 * context's own provider declares them; then its provider answers instead.
 */
export interface ReservedScopes extends CalendarScopes {
  readonly reserved: true;
}

const isReserved = (scopes: CalendarScopes): scopes is ReservedScopes =>
  (scopes as Partial<ReservedScopes>).reserved === true;

/** Every subscription scope kind the application has, and who answers for each. */
@Injectable()
export class CalendarScopeRegistry implements OnModuleInit {
  private readonly logger = new Logger(CalendarScopeRegistry.name);
  private byKind = new Map<string, CalendarScopes>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: CalendarScopeProvider.KEY })
      .map((wrapper) => wrapper.instance as CalendarScopes | undefined)
      .filter((instance): instance is CalendarScopes => instance !== undefined && instance !== null);
    this.byKind = scopeKindsOf(found);
    this.logger.debug(`subscription scope kinds: ${this.kinds().join(', ')}`);
  }

  /** `community` and every declared kind, sorted. */
  kinds(): string[] {
    return [COMMUNITY_SCOPE_KIND, ...[...this.byKind.keys()].sort()];
  }

  serves(kind: string): boolean {
    return kind === COMMUNITY_SCOPE_KIND || this.byKind.has(kind);
  }

  /** Whether the scope names something of the community (community: always; no id: never). */
  async exists(communityId: string, kind: string, id: string | null): Promise<boolean> {
    if (kind === COMMUNITY_SCOPE_KIND) return true;
    const scopes = this.byKind.get(kind);
    if (!scopes || !id) return false;
    return scopes.exists(communityId, kind, id);
  }
}

/**
 * Kind -> provider. One provider per kind (a reserved one gives way to a real one); the same
 * class found twice (a module registered twice) counts once. A clash is a boot error, not a guess.
 */
export function scopeKindsOf(found: readonly CalendarScopes[]): Map<string, CalendarScopes> {
  const classOf = (scopes: CalendarScopes) => (scopes.constructor === Object ? scopes : scopes.constructor);
  const unique = [...new Map(found.map((scopes) => [classOf(scopes), scopes])).values()];
  const byKind = new Map<string, CalendarScopes>();
  for (const scopes of [...unique.filter(isReserved), ...unique.filter((s) => !isReserved(s))]) {
    for (const kind of scopes.kinds) {
      if (!SCOPE_KIND_PATTERN.test(kind) || kind === COMMUNITY_SCOPE_KIND) {
        throw new Error(
          `${scopes.name} declares the scope kind '${kind}', which is not a kind it may declare`,
        );
      }
      const before = byKind.get(kind);
      if (before && !isReserved(before)) {
        throw new Error(`scope kind '${kind}' is declared by both ${before.name} and ${scopes.name}`);
      }
      byKind.set(kind, scopes);
    }
  }
  return byKind;
}
