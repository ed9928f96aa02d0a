import type { Sql } from '@linli/platform';
import type { InviteState } from '../domain/invite-decisions';

/** A mail row as the invite projector queues it (mail_outbox, platform). */
export interface QueuedMail {
  communityId: string;
  kind: string;
  personId: string;
  recipientEmail: string;
  language: string;
  subject: string;
  textBody: string;
  ics: string;
  icsMethod: 'REQUEST' | 'CANCEL';
  dedupeKey: string;
  availableAt: Date;
}

/** Invite state and queued mail, inside the projector's transaction: one statement each. */
export class InviteStore {
  constructor(private readonly sql: Sql) {}

  async states(keys: { communityId: string; uid: string; personId: string }[]): Promise<InviteState[]> {
    if (!keys.length) return [];
    const rows = await this.sql<{
      community_id: string;
      uid: string;
      person_id: string;
      sequence: number;
      method: 'REQUEST' | 'CANCEL';
    }>(
      `SELECT i.community_id, i.uid, i.person_id, i.sequence, i.method
         FROM calendar_invite i
         JOIN unnest($1::uuid[], $2::text[], $3::uuid[]) AS k(community_id, uid, person_id)
           ON i.community_id = k.community_id AND i.uid = k.uid AND i.person_id = k.person_id`,
      [keys.map((k) => k.communityId), keys.map((k) => k.uid), keys.map((k) => k.personId)],
    );
    return rows.map((row) => ({
      communityId: row.community_id,
      uid: row.uid,
      personId: row.person_id,
      sequence: row.sequence,
      method: row.method,
    }));
  }

  async saveStates(states: InviteState[], now: Date): Promise<void> {
    if (!states.length) return;
    await this.sql(
      `INSERT INTO calendar_invite (community_id, uid, person_id, sequence, method, updated_at)
       SELECT *, $6::timestamptz FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::text[])
       ON CONFLICT (community_id, uid, person_id)
       DO UPDATE SET sequence = excluded.sequence, method = excluded.method, updated_at = excluded.updated_at`,
      [
        states.map((s) => s.communityId),
        states.map((s) => s.uid),
        states.map((s) => s.personId),
        states.map((s) => s.sequence),
        states.map((s) => s.method),
        now,
      ],
    );
  }

  /** Queues mail once per dedupe key: a message already queued is left as it is. */
  async queue(mails: QueuedMail[]): Promise<number> {
    if (!mails.length) return 0;
    const column = <K extends keyof QueuedMail>(key: K) => mails.map((m) => m[key]);
    const rows = await this.sql(
      `INSERT INTO mail_outbox (id, community_id, kind, person_id, recipient_email, language, subject, text_body,
                                ics, ics_method, dedupe_key, status, attempts, available_at, created_at)
       SELECT gen_random_uuid(), m.community_id, m.kind, m.person_id, m.recipient_email, m.language, m.subject,
              m.text_body, m.ics, m.ics_method, m.dedupe_key, 'pending', 0, m.available_at, m.available_at
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::timestamptz[])
           AS m(community_id, kind, person_id, recipient_email, language, subject, text_body, ics, ics_method,
                dedupe_key, available_at)
       ON CONFLICT (community_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [
        column('communityId'),
        column('kind'),
        column('personId'),
        column('recipientEmail'),
        column('language'),
        column('subject'),
        column('textBody'),
        column('ics'),
        column('icsMethod'),
        column('dedupeKey'),
        column('availableAt'),
      ],
    );
    return rows.length;
  }
}
