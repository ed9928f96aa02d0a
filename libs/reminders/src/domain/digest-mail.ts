import { escapeHtml, formatTime, type MailLanguage, type RenderedMail } from './reminder-mail';

export interface DigestShift {
  id: string;
  title: string;
  startsAt: Date;
  capacity: number;
  confirmed: number;
  waitlisted: number;
}

export interface DigestReservation {
  shiftTitle: string;
  startsAt: Date;
  organisation: string;
  unassigned: number;
}

export interface DigestInput {
  language: MailLanguage;
  communityName: string;
  /** The local date the digest is about, 'YYYY-MM-DD'. */
  date: string;
  timeZone: string;
  unfilled: DigestShift[];
  waitlisted: DigestShift[];
  unassigned: DigestReservation[];
  baseUrl: string;
}

const TEXTS = {
  'zh-CN': {
    subject: (community: string, date: string) => `${community} 明日班次汇总（${date}）`,
    unfilled: '尚未满员的班次：',
    waitlisted: '有候补的班次：',
    unassigned: '组织预留尚未分配的名额：',
    none: '无',
    free: (n: number) => `缺 ${n} 人`,
    waiting: (n: number) => `候补 ${n} 人`,
    places: (n: number) => `${n} 个名额未分配`,
    signature: '—— 邻里',
  },
  en: {
    subject: (community: string, date: string) => `${community}: tomorrow's shifts (${date})`,
    unfilled: 'Shifts not yet full:',
    waitlisted: 'Shifts with a waitlist:',
    unassigned: 'Reserved places not yet assigned:',
    none: 'none',
    free: (n: number) => `${n} place(s) free`,
    waiting: (n: number) => `${n} waiting`,
    places: (n: number) => `${n} place(s) unassigned`,
    signature: '— Linli',
  },
} as const;

/** The organisers' daily digest: tomorrow's gaps, waitlists and unassigned reserved places. */
export function digestMail(input: DigestInput): RenderedMail {
  const t = TEXTS[input.language];
  const at = (d: Date) => formatTime(d, input.timeZone, input.language);
  const sections: [string, string[]][] = [
    [
      t.unfilled,
      input.unfilled.map((s) => `${at(s.startsAt)} ${s.title} — ${t.free(s.capacity - s.confirmed)}`),
    ],
    [t.waitlisted, input.waitlisted.map((s) => `${at(s.startsAt)} ${s.title} — ${t.waiting(s.waitlisted)}`)],
    [
      t.unassigned,
      input.unassigned.map(
        (r) => `${at(r.startsAt)} ${r.shiftTitle} — ${r.organisation}: ${t.places(r.unassigned)}`,
      ),
    ],
  ];
  const text = [
    ...sections.flatMap(([heading, items]) => [
      heading,
      ...(items.length ? items : [t.none]).map((i) => `- ${i}`),
      '',
    ]),
    `${input.baseUrl}/shifts`,
    '',
    t.signature,
    '',
  ].join('\n');
  const html = [
    ...sections.map(
      ([heading, items]) =>
        `<h3>${escapeHtml(heading)}</h3><ul>${(items.length ? items : [t.none]).map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    ),
    `<p>${escapeHtml(t.signature)}</p>`,
  ].join('\n');
  return { language: input.language, subject: t.subject(input.communityName, input.date), text, html };
}

export interface ReleaseNoticeInput {
  language: MailLanguage;
  organisation: string;
  shiftTitle: string;
  startsAt: Date;
  releaseAt: Date;
  unassigned: number;
  timeZone: string;
  manageUrl: string;
}

const RELEASE = {
  'zh-CN': {
    subject: (title: string) => `预留名额即将释放：${title}`,
    body: (i: ReleaseNoticeInput, at: (d: Date) => string) =>
      `${i.organisation} 在「${i.shiftTitle}」（${at(i.startsAt)}）预留的名额中还有 ${i.unassigned} 个未分配，将于 ${at(i.releaseAt)} 释放给所有志愿者。`,
    manage: '分配名额：',
    signature: '—— 邻里',
  },
  en: {
    subject: (title: string) => `Reserved places about to be released: ${title}`,
    body: (i: ReleaseNoticeInput, at: (d: Date) => string) =>
      `${i.unassigned} of the places ${i.organisation} reserved on "${i.shiftTitle}" (${at(i.startsAt)}) are not assigned yet; they are released to everyone at ${at(i.releaseAt)}.`,
    manage: 'Assign them: ',
    signature: '— Linli',
  },
} as const;

/** Coordinators: their unassigned reserved places are released soon. Essential (no unsubscribe). */
export function releaseNoticeMail(input: ReleaseNoticeInput): RenderedMail {
  const t = RELEASE[input.language];
  const at = (d: Date) => formatTime(d, input.timeZone, input.language);
  const body = t.body(input, at);
  return {
    language: input.language,
    subject: t.subject(input.shiftTitle),
    text: `${body}\n${t.manage}${input.manageUrl}\n\n${t.signature}\n`,
    html: `<p>${escapeHtml(body)}</p>\n<p>${escapeHtml(t.manage)}<a href="${escapeHtml(input.manageUrl)}">${escapeHtml(input.manageUrl)}</a></p>\n<p>${escapeHtml(t.signature)}</p>`,
  };
}
