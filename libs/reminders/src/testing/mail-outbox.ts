import type { Sql } from '@linli/platform';

/** A mail_outbox row as reminders' tests look at it. */
export interface OutboxMailRow {
  id: string;
  communityId: string;
  kind: string;
  personId: string | null;
  shiftId: string | null;
  recipientEmail: string;
  language: string;
  subject: string;
  textBody: string;
  dedupeKey: string;
  status: string;
  availableAt: Date;
  essential: boolean;
}

/** The community's queued mail (of one person, one shift, some kinds), by due time then dedupe key. */
export async function outboxMail(
  sql: Sql,
  filter: { communityId: string; personId?: string; shiftId?: string; kinds?: string[] },
): Promise<OutboxMailRow[]> {
  const rows = await sql<{
    id: string;
    community_id: string;
    kind: string;
    person_id: string | null;
    shift_id: string | null;
    recipient_email: string;
    language: string;
    subject: string;
    text_body: string;
    dedupe_key: string;
    status: string;
    available_at: Date;
    essential: boolean;
  }>(
    `SELECT id, community_id, kind, person_id, shift_id, recipient_email, language, subject, text_body,
            dedupe_key, status, available_at, essential
       FROM mail_outbox
      WHERE community_id = $1 AND ($2::uuid IS NULL OR person_id = $2) AND ($3::uuid IS NULL OR shift_id = $3)
        AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
      ORDER BY available_at, dedupe_key`,
    [filter.communityId, filter.personId ?? null, filter.shiftId ?? null, filter.kinds ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    communityId: row.community_id,
    kind: row.kind,
    personId: row.person_id,
    shiftId: row.shift_id,
    recipientEmail: row.recipient_email,
    language: row.language,
    subject: row.subject,
    textBody: row.text_body,
    dedupeKey: row.dedupe_key,
    status: row.status,
    availableAt: row.available_at,
    essential: row.essential,
  }));
}

/** Events a consumer parked (their payload failed the publisher's schema). */
export async function parkedEvents(
  sql: Sql,
  consumer: string,
): Promise<{ eventId: string; type: string; reason: string }[]> {
  const rows = await sql<{ event_id: string; type: string; reason: string }>(
    `SELECT event_id::text AS event_id, type, reason FROM parked_event WHERE consumer = $1 ORDER BY event_id`,
    [consumer],
  );
  return rows.map((row) => ({ eventId: row.event_id, type: row.type, reason: row.reason }));
}
