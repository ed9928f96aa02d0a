import ICAL from 'ical.js';
import type { CalendarEntry } from './calendar-entry';
import { lintIcs } from './ics/lint-ics';
import { inviteOrganizer, renderInvite } from './invite-itip';
import { formatWhen, inviteMail, mailLanguage } from './invite-mail';
import type { InviteRecipient } from './invite-planner';

const ENTRY: CalendarEntry = {
  uid: 'shift-0123456789abcdef01234567@linli',
  sequence: 2,
  status: 'CONFIRMED',
  start: new Date('2026-12-03T00:00:00Z'),
  end: new Date('2026-12-03T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  summary: '城南市集 · 理发',
  location: '桂花苑 · 3号楼前',
  description: '请带好围裙。',
  categories: ['志愿服务'],
  lastModified: new Date('2026-12-01T00:00:00Z'),
  alarmMinutesBefore: [1440, 120],
};
const RECIPIENT: InviteRecipient = {
  personId: 'a0000000-0000-4000-8000-000000000000',
  name: '王芳 "小芳"',
  email: 'wangfang@example.cn',
  languages: ['zh-CN'],
};
const ORGANIZER = { name: '邻里 Linli', email: 'noreply@linli.invalid' };

function vevent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, event: calendar.getFirstSubcomponent('vevent')! };
}

describe('an invite as an iTIP message (RFC 5546)', () => {
  it('REQUEST: METHOD, the entry’s UID, the decided SEQUENCE, ORGANIZER and ATTENDEE; lint-clean', () => {
    const ics = renderInvite(ENTRY, 'REQUEST', 5, RECIPIENT, ORGANIZER);
    expect(lintIcs(ics)).toEqual([]);
    const { calendar, event } = vevent(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(ENTRY.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(5);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:noreply@linli.invalid');
    const attendee = event.getFirstProperty('attendee')!;
    expect(attendee.getFirstValue()).toBe('mailto:wangfang@example.cn');
    expect(attendee.getParameter('partstat')).toBe('ACCEPTED');
    expect(attendee.getParameter('cn')).toBe('王芳 小芳');
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate()).toEqual(ENTRY.start);
    expect(event.getAllSubcomponents('valarm')).toHaveLength(2);
  });

  it('CANCEL: STATUS:CANCELLED, no alarms', () => {
    const ics = renderInvite(ENTRY, 'CANCEL', 6, RECIPIENT, ORGANIZER);
    expect(lintIcs(ics)).toEqual([]);
    const { calendar, event } = vevent(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(6);
    expect(event.getAllSubcomponents('valarm')).toHaveLength(0);
  });

  it('is a message, not a subscribed calendar: no name, refresh interval or default zone', () => {
    const ics = renderInvite(ENTRY, 'REQUEST', 1, RECIPIENT, ORGANIZER);
    expect(ics).not.toMatch(/^(NAME|X-WR-CALNAME|REFRESH-INTERVAL|X-PUBLISHED-TTL|X-WR-TIMEZONE)/m);
    expect(ics).toMatch(/^BEGIN:VTIMEZONE\r$/m);
  });
});

describe('the invite mail', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['en', 'zh-CN'], 'en'],
    [['en-GB'], 'en'],
    [['zh-CN', 'en'], 'zh-CN'],
    [[], 'zh-CN'],
  ])('languages %j: written in %s', (languages, expected) => {
    expect(mailLanguage(languages)).toBe(expected);
  });

  it('zh-CN: subject names the change, the shift and its local time; the body where and what to bring', () => {
    const mail = inviteMail(RECIPIENT, 'added', 'REQUEST', ENTRY);
    expect(mail.language).toBe('zh-CN');
    expect(mail.subject).toContain('志愿服务确认');
    expect(mail.subject).toContain(ENTRY.summary);
    expect(mail.subject).toContain('08:00');
    expect(mail.text).toContain('桂花苑 · 3号楼前');
    expect(mail.text).toContain('请带好围裙。');
  });

  it('en: an update and a cancellation', () => {
    const english = { ...RECIPIENT, languages: ['en'] };
    expect(inviteMail(english, 'updated', 'REQUEST', ENTRY).subject).toMatch(
      /^\[Linli\] Volunteering changed: /,
    );
    expect(inviteMail(english, 'removed', 'CANCEL', ENTRY).subject).toMatch(
      /^\[Linli\] Volunteering cancelled: /,
    );
  });

  it('times are the entry’s wall clock whatever the process’s zone', () => {
    expect(formatWhen(ENTRY, 'en')).toContain('08:00–10:00');
  });
});

// Issue 10, item 12: the ORGANIZER is whoever the mail comes from (MAIL_FROM), RFC 6047.
describe('inviteOrganizer', () => {
  it.each([
    ['"邻里 Linli" <no-reply@linli.local>', { name: '邻里 Linli', email: 'no-reply@linli.local' }],
    [
      '城南社区 <volunteers@chengnan.example.cn>',
      { name: '城南社区', email: 'volunteers@chengnan.example.cn' },
    ],
    ['<ops@example.cn>', { name: '邻里 Linli', email: 'ops@example.cn' }],
    ['ops@example.cn', { name: '邻里 Linli', email: 'ops@example.cn' }],
    ['"A \\"quoted\\" name" <a@example.cn>', { name: 'A "quoted" name', email: 'a@example.cn' }],
  ])('%s', (from, organizer) => {
    expect(inviteOrganizer(from)).toEqual(organizer);
  });
});
