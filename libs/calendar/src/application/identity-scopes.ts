import { Injectable } from '@nestjs/common';
import { IdentityDirectory } from '@linli/identity';
import type { CalendarScopes } from '../domain/calendar-scopes';
import { CalendarScopeProvider, type ReservedScopes } from './calendar-scope-registry';

/**
 * identity's records as subscription scopes: a person's, an organisation's or an estate's
 * calendar. Answered through identity's read port (one indexed read). Lives here because identity
 * comes before the calendar and knows nothing of it.
 */
@Injectable()
@CalendarScopeProvider()
export class IdentityScopes implements CalendarScopes {
  readonly name = 'identity';
  readonly kinds = ['person', 'organisation', 'estate'] as const;

  constructor(private readonly directory: IdentityDirectory) {}

  async exists(communityId: string, kind: string, id: string): Promise<boolean> {
    switch (kind) {
      case 'person':
        return (await this.directory.person(communityId, id)) !== undefined;
      case 'organisation':
        return (await this.directory.organisation(communityId, id)) !== undefined;
      case 'estate':
        return (await this.directory.estate(communityId, id)) !== undefined;
      default:
        return false;
    }
  }
}

/** `venue` waits for the venues context: a venue id names nothing yet (404), not a bad request. */
@Injectable()
@CalendarScopeProvider()
export class ReservedScopeKinds implements ReservedScopes {
  readonly name = 'reserved';
  readonly reserved = true;
  readonly kinds = ['venue'] as const;

  async exists(): Promise<boolean> {
    return false;
  }
}
