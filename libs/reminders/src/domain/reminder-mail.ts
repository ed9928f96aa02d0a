export type MailLanguage = 'zh-CN' | 'en';

/** zh-CN unless the person's first language is English. */
export function mailLanguage(languages: readonly string[] | null | undefined): MailLanguage {
  return /^en\b/i.test(languages?.[0] ?? '') ? 'en' : 'zh-CN';
}

export interface RenderedMail {
  language: MailLanguage;
  subject: string;
  text: string;
  html: string;
}

export interface ShiftFacts {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** The community's zone: times are shown on its wall clock. */
  timeZone: string;
  place: string | null;
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
    format = new Intl.DateTimeFormat(language, options);
    formatters.set(key, format);
  }
  return format;
}

/** "2026年12月3日周四 08:00–10:00" in the zone (the end with its date when it is another day). */
export function formatWhen(start: Date, end: Date, timeZone: string, language: MailLanguage): string {
  const day = formatter(language, timeZone, 'day');
  const time = formatter(language, timeZone, 'time');
  const [startDay, endDay] = [day.format(start), day.format(end)];
  const until = endDay === startDay ? time.format(end) : `${endDay} ${time.format(end)}`;
  return `${startDay} ${time.format(start)}–${until}`;
}

export function formatTime(instant: Date, timeZone: string, language: MailLanguage): string {
  return `${formatter(language, timeZone, 'day').format(instant)} ${formatter(language, timeZone, 'time').format(instant)}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TEXTS = {
  'zh-CN': {
    reminderSubject: (title: string) => `志愿服务提醒：${title}`,
    promotedSubject: (title: string) => `候补转正：${title}`,
    greeting: (name: string) => `${name}，您好：`,
    reminderLead: '提醒您，以下志愿服务即将开始。',
    promotedLead: '好消息：有名额空出，您已从候补转为正式参加以下志愿服务。',
    releasedSubject: (title: string) => `名额已释放：${title}`,
    releasedLead:
      '以下志愿服务调整了时间，与您已认领的另一个班次重叠，因此您在此班次的名额已释放。如仍想参加，请在调整另一个班次后重新认领。',
    refusedSubject: (title: string) => `长期认领未能安排：${title}`,
    refusedLead: (why: string) =>
      `您的长期认领未能安排以下这一次志愿服务（原因：${why}）。其余场次不受影响。`,
    when: '时间：',
    where: '地点：',
    manage: '查看或管理：',
    unsubscribe: '不想再收到此类提醒？退订：',
    signature: '—— 邻里',
  },
  en: {
    reminderSubject: (title: string) => `Reminder: ${title}`,
    promotedSubject: (title: string) => `You're in: ${title}`,
    greeting: (name: string) => `Hello ${name},`,
    reminderLead: 'A reminder: your volunteering shift is coming up.',
    promotedLead: 'Good news: a place opened up and you have moved from the waitlist onto this shift.',
    releasedSubject: (title: string) => `Place released: ${title}`,
    releasedLead:
      'This shift was moved and now overlaps another shift you hold, so your place on it was released. Claim it again once the other shift is sorted out if you still want it.',
    refusedSubject: (title: string) => `Standing commitment not placed: ${title}`,
    refusedLead: (why: string) =>
      `Your standing commitment could not take this occurrence (${why}). Your other dates are not affected.`,
    when: 'When: ',
    where: 'Where: ',
    manage: 'See or manage it: ',
    unsubscribe: 'Stop these reminders: ',
    signature: '— Linli',
  },
} as const;

export interface ShiftMailInput {
  language: MailLanguage;
  name: string;
  shift: ShiftFacts;
  manageUrl: string;
  /** Only for non-essential kinds. */
  unsubscribeUrl?: string;
}

function shiftMail(input: ShiftMailInput, subject: string, lead: string): RenderedMail {
  const t = TEXTS[input.language];
  const { shift } = input;
  const when = `${formatWhen(shift.startsAt, shift.endsAt, shift.timeZone, input.language)} (${shift.timeZone})`;
  const lines: [string, string][] = [[t.when, when]];
  if (shift.place) lines.push([t.where, shift.place]);
  lines.push([t.manage, input.manageUrl]);
  if (input.unsubscribeUrl) lines.push([t.unsubscribe, input.unsubscribeUrl]);
  const text = [
    t.greeting(input.name),
    '',
    lead,
    '',
    shift.title,
    ...lines.map(([label, value]) => `${label}${value}`),
    '',
    t.signature,
    '',
  ].join('\n');
  const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const html = [
    `<p>${escapeHtml(t.greeting(input.name))}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<p><strong>${escapeHtml(shift.title)}</strong><br>`,
    `${escapeHtml(t.when)}${escapeHtml(when)}<br>`,
    shift.place ? `${escapeHtml(t.where)}${escapeHtml(shift.place)}<br>` : '',
    `${escapeHtml(t.manage)}${link(input.manageUrl)}</p>`,
    input.unsubscribeUrl
      ? `<p style="font-size:small">${escapeHtml(t.unsubscribe)}${link(input.unsubscribeUrl)}</p>`
      : '',
    `<p>${escapeHtml(t.signature)}</p>`,
  ].join('\n');
  return { language: input.language, subject, text, html };
}

export function reminderMail(input: ShiftMailInput): RenderedMail {
  const t = TEXTS[input.language];
  return shiftMail(input, t.reminderSubject(input.shift.title), t.reminderLead);
}

/** Essential: no unsubscribe link whatever the input says. */
export function waitlistPromotedMail(input: ShiftMailInput): RenderedMail {
  const t = TEXTS[input.language];
  return shiftMail(
    { ...input, unsubscribeUrl: undefined },
    t.promotedSubject(input.shift.title),
    t.promotedLead,
  );
}

/** Essential: a series move released the person's place (it overlapped another of their shifts). */
export function placeReleasedMail(input: ShiftMailInput): RenderedMail {
  const t = TEXTS[input.language];
  return shiftMail(
    { ...input, unsubscribeUrl: undefined },
    t.releasedSubject(input.shift.title),
    t.releasedLead,
  );
}

/** Essential: a standing commitment could not take one occurrence; `why` names the rule. */
export function commitmentRefusedMail(input: ShiftMailInput & { why: string }): RenderedMail {
  const t = TEXTS[input.language];
  return shiftMail(
    { ...input, unsubscribeUrl: undefined },
    t.refusedSubject(input.shift.title),
    t.refusedLead(input.why),
  );
}
