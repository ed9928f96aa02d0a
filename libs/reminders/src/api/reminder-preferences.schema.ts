import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { UNSUBSCRIBABLE_KINDS } from '../application/notification-scheduler';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm, 00:00 to 23:59')
  .describe('Local wall-clock time, HH:mm');

const preferences = z.strictObject({
  offsetsMinutes: z
    .array(z.number().int().min(5).max(20_160))
    .max(5)
    .describe('Minutes before a shift starts, at most 5, each 5 min to 14 days'),
  quietStart: hhmm.describe('No reminders from this local time…'),
  quietEnd: hhmm.describe('…until this one (moved to it)'),
  unsubscribedKinds: z
    .array(z.enum(UNSUBSCRIBABLE_KINDS as [string, ...string[]]))
    .max(10)
    .describe('Non-essential kinds you do not want'),
});

export class PutReminderPreferencesRequest extends createZodDto(preferences.partial()) {}
export class ReminderPreferencesDto extends createZodDto(preferences) {}

const settings = z.strictObject({
  digestTime: hhmm.describe("When organisers get the daily digest of tomorrow's shifts (community time)"),
  digestEnabled: z.boolean(),
});

export class PutReminderSettingsRequest extends createZodDto(settings.partial()) {}
export class ReminderSettingsDto extends createZodDto(settings) {}

export class UnsubscribeQuery extends createZodDto(z.strictObject({ token: z.string().min(10).max(500) })) {}

export class UnsubscribedDto extends createZodDto(
  z.object({ kind: z.string().describe('the kind of mail you will no longer get, e.g. shift_reminder') }),
) {}
