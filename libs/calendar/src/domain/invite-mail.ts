import type { CalendarEntry } from './calendar-entry';
import type { InviteMethod } from './invite-decisions';
import type { InviteChange, InviteRecipient } from './invite-planner';

export type MailLanguage = 'zh-CN' | 'en';

export interface InviteMail {
  language: MailLanguage;
  subject: string;
  text: string;
}

/** zh-CN unless the person's first language is English. */
export function mailLanguage(languages: readonly string[]): MailLanguage {
  return /^en\b/i.test(languages[0] ?? '') ? 'en' : 'zh-CN';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: MailLanguage, timeZone: string, part: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${part}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      part === 'day'
        ? { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }
        : { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    try {
      format = new Intl.DateTimeFormat(language, options);
    } catch {
      format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, format);
  }
  return format;
}

/** "2026年12月3日周四 08:00–10:00" in the entry's zone (end with its date when it is another day). */
export function formatWhen(entry: CalendarEntry, language: MailLanguage): string {
  const day = formatter(language, entry.timeZone, 'day');
  const time = formatter(language, entry.timeZone, 'time');
  const [startDay, endDay] = [day.format(entry.start), day.format(entry.end)];
  const end = endDay === startDay ? time.format(entry.end) : `${endDay} ${time.format(entry.end)}`;
  return `${startDay} ${time.format(entry.start)}–${end}`;
}

const TEXTS = {
  'zh-CN': {
    subject: { REQUEST: { added: '志愿服务确认', updated: '志愿服务变更' }, CANCEL: '志愿服务取消' },
    greeting: (name: string) => `${name}，您好：`,
    lead: {
      added: '您已确认参加以下志愿服务。',
      updated: '您参加的志愿服务有变更，请以此为准。',
      removed: '您已不在以下志愿服务的名单中（或该班次已取消）。',
    },
    when: '时间：',
    where: '地点：',
    zone: (zone: string) => `（${zone}）`,
    calendar: {
      REQUEST: '附件中的日历邀请会把它加入（或更新到）您的日历。',
      CANCEL: '附件中的日历消息会把它从您的日历中取消。',
    },
    signature: '—— 邻里',
  },
  en: {
    subject: {
      REQUEST: { added: 'Volunteering confirmed', updated: 'Volunteering changed' },
      CANCEL: 'Volunteering cancelled',
    },
    greeting: (name: string) => `Hello ${name},`,
    lead: {
      added: 'You are confirmed for this volunteering shift.',
      updated: 'A shift you are on has changed; these are the current details.',
      removed: 'You are no longer on this shift (or it was cancelled).',
    },
    when: 'When: ',
    where: 'Where: ',
    zone: (zone: string) => ` (${zone})`,
    calendar: {
      REQUEST: 'The attached calendar invitation adds it to (or updates it in) your calendar.',
      CANCEL: 'The attached calendar message removes it from your calendar.',
    },
    signature: '— Linli (邻里)',
  },
} as const;

/** Subject and plain-text body of an invite, in the recipient's language. */
export function inviteMail(
  recipient: InviteRecipient,
  change: InviteChange,
  method: InviteMethod,
  entry: CalendarEntry,
): InviteMail {
  const language = mailLanguage(recipient.languages);
  const t = TEXTS[language];
  const when = formatWhen(entry, language);
  const label =
    method === 'CANCEL' ? t.subject.CANCEL : t.subject.REQUEST[change === 'added' ? 'added' : 'updated'];
  const subject =
    language === 'en'
      ? `[Linli] ${label}: ${entry.summary} (${when})`
      : `【邻里】${label}：${entry.summary}（${when}）`;
  const lines = [
    t.greeting(recipient.name),
    '',
    t.lead[method === 'CANCEL' ? 'removed' : change === 'added' ? 'added' : 'updated'],
    '',
    entry.summary,
    `${t.when}${when}${t.zone(entry.timeZone)}`,
  ];
  if (entry.location) lines.push(`${t.where}${entry.location}`);
  if (entry.description) lines.push('', entry.description);
  lines.push('', t.calendar[method], '', t.signature);
  return { language, subject, text: lines.join('\n') };
}
