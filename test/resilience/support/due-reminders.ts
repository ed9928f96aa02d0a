import { randomUUID } from 'node:crypto';
import { SqlDatabase } from '@linli/platform';
import { NOTIFICATION_KINDS, NotificationScheduler } from '@linli/reminders';

/**
 * Queues `count` shift reminders of one community, all due at `dueAt` (default: a second ago),
 * through reminders' own port (NotificationScheduler, what the reminder projector calls), and
 * answers their Message-IDs as the dispatcher will send them (`<id@linli.local>`).
 */
export async function scheduleDueReminders(
  databaseUrl: string,
  options: { count: number; communityId?: string; dueAt?: Date },
): Promise<{ communityId: string; messageIds: string[] }> {
  const communityId = options.communityId ?? randomUUID();
  const dueAt = options.dueAt ?? new Date(Date.now() - 1000);
  const db = new SqlDatabase(databaseUrl, 1);
  try {
    const scheduled = Array.from({ length: options.count }, (_, i) => ({
      communityId,
      kind: NOTIFICATION_KINDS.shiftReminder,
      personId: randomUUID(),
      shiftId: null,
      recipientEmail: `volunteer${i}@example.cn`,
      language: 'zh-CN',
      subject: `明天 09:00 的班次提醒 ${i}`,
      textBody: '您好，明天 09:00 在城南社区服务站有您的班次。',
      htmlBody: null,
      dedupeKey: `resilience:${communityId}:${i}`,
      availableAt: dueAt,
      essential: false,
    }));
    await db.transaction((sql) => new NotificationScheduler().schedule(sql, scheduled));
    const rows = await db.query<{ id: string }>(
      'SELECT id FROM mail_outbox WHERE community_id = $1 ORDER BY id',
      [communityId],
    );
    return { communityId, messageIds: rows.map((row) => `<${row.id}@linli.local>`) };
  } finally {
    await db.close();
  }
}

/** How many of the community's mail_outbox rows are in each status. */
export async function outboxStatuses(
  databaseUrl: string,
  communityId: string,
): Promise<Record<string, number>> {
  const db = new SqlDatabase(databaseUrl, 1);
  try {
    const rows = await db.query<{ status: string; count: number }>(
      'SELECT status, count(*)::int AS count FROM mail_outbox WHERE community_id = $1 GROUP BY status',
      [communityId],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  } finally {
    await db.close();
  }
}
