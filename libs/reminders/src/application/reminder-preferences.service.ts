import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, forbidden, scopeToCommunity, type Actor } from '@linli/platform';
import { ReminderPreference } from '../infra/reminder-preference.entity';
import { ReminderSettings } from '../infra/reminder-settings.entity';
import { DEFAULT_PREFERENCES } from '../infra/reminder-directory';
import { ReminderPreferencesRepository } from '../infra/reminder-preferences.repository';
import { UNSUBSCRIBABLE_KINDS } from './notification-scheduler';
import { UnsubscribeTokens } from './unsubscribe-token';

export interface PreferencesView {
  offsetsMinutes: number[];
  quietStart: string;
  quietEnd: string;
  unsubscribedKinds: string[];
}

export interface SettingsView {
  digestTime: string;
  digestEnabled: boolean;
}

/** A person's reminder preferences (their own), the community's digest settings, unsubscribe links. */
@Injectable()
export class ReminderPreferencesService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UnsubscribeTokens,
    private readonly repository: ReminderPreferencesRepository,
  ) {}

  async get(actor: Actor): Promise<PreferencesView> {
    const personId = ownPerson(actor);
    const row = await this.scoped(actor).findOne(ReminderPreference, {
      community: actor.communityId,
      person: personId,
    });
    return row
      ? view(row)
      : { ...DEFAULT_PREFERENCES, offsetsMinutes: [...DEFAULT_PREFERENCES.offsetsMinutes] };
  }

  /** Applies only to reminders scheduled from now on (already queued ones keep their times). */
  async put(actor: Actor, input: Partial<PreferencesView>): Promise<PreferencesView> {
    const personId = ownPerson(actor);
    const em = this.scoped(actor);
    const row = await em.transactional(async (tx) => {
      let existing = await tx.findOne(ReminderPreference, { community: actor.communityId, person: personId });
      if (!existing) {
        existing = tx.create(ReminderPreference, {
          community: actor.communityId,
          person: personId,
          ...DEFAULT_PREFERENCES,
          offsetsMinutes: [...DEFAULT_PREFERENCES.offsetsMinutes],
          updatedAt: new Date(),
        });
      }
      if (input.offsetsMinutes)
        existing.offsetsMinutes = [...new Set(input.offsetsMinutes)].sort((a, b) => b - a);
      if (input.quietStart) existing.quietStart = input.quietStart;
      if (input.quietEnd) existing.quietEnd = input.quietEnd;
      if (input.unsubscribedKinds) existing.unsubscribedKinds = [...new Set(input.unsubscribedKinds)];
      existing.updatedAt = new Date();
      return existing;
    });
    return view(row);
  }

  async getSettings(actor: Actor): Promise<SettingsView> {
    const row = await this.em.fork().findOne(ReminderSettings, { community: actor.communityId });
    return { digestTime: row?.digestTime ?? '18:00', digestEnabled: row?.digestEnabled ?? true };
  }

  async putSettings(actor: Actor, input: Partial<SettingsView>): Promise<SettingsView> {
    if (actor.role !== 'organiser') throw forbidden();
    await this.repository.saveSettings(actor.communityId, input);
    return this.getSettings(actor);
  }

  /** From a signed link: adds the kind to the person's unsubscribed kinds (idempotent). */
  async unsubscribe(token: string): Promise<{ kind: string }> {
    const claim = this.tokens.verify(token);
    if (!claim || !UNSUBSCRIBABLE_KINDS.includes(claim.kind))
      throw new DomainError('UNSUBSCRIBE_TOKEN_INVALID', 'The unsubscribe link is not valid');
    await this.repository.unsubscribe(claim.communityId, claim.personId, claim.kind);
    return { kind: claim.kind };
  }

  private scoped(actor: Actor): EntityManager {
    const em = this.em.fork();
    scopeToCommunity(em, actor.communityId);
    return em;
  }

  /** A signed unsubscribe link's token (for tests and mail templates). */
  tokenFor(communityId: string, personId: string, kind: string): string {
    return this.tokens.sign({ communityId, personId, kind });
  }
}

function ownPerson(actor: Actor): string {
  if (!actor.personId) throw forbidden('Only accounts of a person have reminder preferences');
  return actor.personId;
}

function view(row: ReminderPreference): PreferencesView {
  return {
    offsetsMinutes: row.offsetsMinutes.map(Number),
    quietStart: row.quietStart,
    quietEnd: row.quietEnd,
    unsubscribedKinds: row.unsubscribedKinds,
  };
}
