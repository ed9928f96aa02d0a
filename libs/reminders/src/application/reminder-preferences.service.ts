import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  Clock,
  DomainError,
  forbidden,
  scopeToCommunity,
  SqlDatabase,
  type Actor,
  type Sql,
} from '@linli/platform';
import { ReminderPreference } from '../infra/reminder-preference.entity';
import { ReminderSettings } from '../infra/reminder-settings.entity';
import { DEFAULT_PREFERENCES, ReminderDirectory } from '../infra/reminder-directory';
import { NotificationOutbox } from '../infra/notification-outbox.repository';
import { ReminderPreferencesRepository } from '../infra/reminder-preferences.repository';
import { NOTIFICATION_KINDS, NotificationScheduler, UNSUBSCRIBABLE_KINDS } from './notification-scheduler';
import { ShiftReminders } from './shift-reminders';
import { UnsubscribeTokens } from './unsubscribe-token';

export interface PreferencesView {
  offsetsMinutes: number[];
  quietStart: string;
  quietEnd: string;
  unsubscribedKinds: string[];
}

/** Re-planning looks this many of a person's upcoming shifts ahead (a bound, like every list). */
const REPLAN_SHIFTS_LIMIT = 500;

export interface SettingsView {
  digestTime: string;
  digestEnabled: boolean;
}

/** A person's reminder preferences (their own), the community's digest settings, unsubscribe links. */
@Injectable()
export class ReminderPreferencesService {
  constructor(
    private readonly em: EntityManager,
    private readonly db: SqlDatabase,
    private readonly tokens: UnsubscribeTokens,
    private readonly repository: ReminderPreferencesRepository,
    private readonly scheduler: NotificationScheduler,
    private readonly shiftReminders: ShiftReminders,
    @Inject(Clock) private readonly clock: Clock,
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

  /**
   * Saves the person's preferences and, in the same transaction, re-plans the reminders already
   * queued for them (issue 10): pending ones not yet due are cancelled and their upcoming shifts
   * planned again with the new offsets, quiet hours and opt-outs.
   */
  async put(actor: Actor, input: Partial<PreferencesView>): Promise<PreferencesView> {
    const personId = ownPerson(actor);
    const changes: Partial<PreferencesView> = {
      ...input,
      ...(input.offsetsMinutes
        ? { offsetsMinutes: [...new Set(input.offsetsMinutes)].sort((a, b) => b - a) }
        : {}),
      ...(input.unsubscribedKinds ? { unsubscribedKinds: [...new Set(input.unsubscribedKinds)] } : {}),
    };
    return this.db.transaction(async (sql) => {
      const saved = await this.repository.savePreferences(sql, actor.communityId, personId, changes);
      await this.replan(sql, actor.communityId, personId);
      return saved;
    });
  }

  /** The person's queued shift reminders, planned again by the preferences as saved in `em`. */
  private async replan(sql: Sql, communityId: string, personId: string): Promise<void> {
    const now = this.clock.now();
    const kind = NOTIFICATION_KINDS.shiftReminder;
    await new NotificationOutbox(sql).cancelPendingOfPerson(communityId, personId, [kind], now);
    const directory = new ReminderDirectory(sql);
    const recipient = (await directory.recipients(communityId, [personId])).get(personId);
    if (!recipient) return;
    const shifts = await directory.upcomingConfirmed(communityId, personId, now, REPLAN_SHIFTS_LIMIT);
    const notifications = shifts.flatMap((shift) =>
      this.shiftReminders.plan(
        { communityId, shiftId: shift.shiftId, version: shift.version },
        recipient,
        {
          title: shift.title,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          timeZone: recipient.timeZone,
          place: shift.locationText,
        },
        now,
      ),
    );
    await this.scheduler.schedule(sql, notifications);
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

  /**
   * From a signed link: adds the kind to the person's unsubscribed kinds (idempotent) and, in the
   * same transaction, withdraws what is queued of it (a re-plan, as for a change of preferences).
   */
  async unsubscribe(token: string): Promise<{ kind: string }> {
    const claim = this.tokens.verify(token);
    if (!claim || !UNSUBSCRIBABLE_KINDS.includes(claim.kind))
      throw new DomainError('UNSUBSCRIBE_TOKEN_INVALID', 'The unsubscribe link is not valid');
    await this.db.transaction(async (sql) => {
      await this.repository.unsubscribe(claim.communityId, claim.personId, claim.kind, sql);
      await this.replan(sql, claim.communityId, claim.personId);
    });
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
