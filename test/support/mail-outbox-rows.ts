import { randomUUID } from 'node:crypto';
import type { Client, Pool } from 'pg';

/** Inserts `count` due mail_outbox rows for one community; answers their ids in order. */
export async function insertDueMail(
  db: Client | Pool,
  options: {
    communityId: string;
    count: number;
    availableAt?: Date;
    recipient?: (index: number) => string;
    kind?: string;
    ics?: boolean;
  },
): Promise<string[]> {
  const ids = Array.from({ length: options.count }, () => randomUUID());
  const recipients = ids.map((_id, i) => options.recipient?.(i) ?? `volunteer${i}@example.cn`);
  const ics = options.ics
    ? 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//linli//test//ZH\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:test@linli\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261202T010000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
    : null;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await db.query(
      `INSERT INTO mail_outbox (id, community_id, kind, recipient_email, language, subject, text_body, html_body,
                                ics, ics_method, dedupe_key, status, attempts, available_at, created_at)
       SELECT d.id, $1, $4, d.recipient, 'zh-CN', '明天的班次提醒 ' || d.n, '您好，明天 09:00 有班次。', '<p>您好，明天 09:00 有班次。</p>',
              $5::text, CASE WHEN $5::text IS NULL THEN NULL ELSE 'REQUEST' END, 'test:' || d.id, 'pending', 0, $3, now()
         FROM unnest($2::uuid[], $6::text[]) WITH ORDINALITY AS d(id, recipient, n)`,
      [
        options.communityId,
        chunk,
        options.availableAt ?? new Date(Date.now() - 1000),
        options.kind ?? 'shift_reminder',
        ics,
        recipients.slice(i, i + 1000),
      ],
    );
  }
  return ids;
}
