import type { Me } from '../api/session';
import type { MessageKey } from '../i18n/translate';

export type Role = Me['account']['role'];
export interface NavItem {
  to: string;
  label: MessageKey;
}

/** A volunteer's five tabs: what they can take, what they took, their calendar, reminders, hours. */
const VOLUNTEER: NavItem[] = [
  { to: '/shifts', label: 'nav.openShifts' },
  { to: '/my-shifts', label: 'nav.myShifts' },
  { to: '/calendar', label: 'nav.calendar' },
  { to: '/reminders', label: 'nav.reminders' },
  { to: '/hours', label: 'nav.hours' },
];

/** The organiser plans the week: the board first (where the gaps are), then the series, the print-out. */
const ORGANISER: NavItem[] = [
  { to: '/organiser/rota', label: 'nav.organiserRota' },
  { to: '/organiser/series', label: 'nav.organiserSeries' },
  { to: '/organiser/print', label: 'nav.organiserPrint' },
  { to: '/admin/people', label: 'nav.adminPeople' },
];

/** A coordinator staffs the organisation's places first, and volunteers too (five tabs, as on a phone). */
const COORDINATOR: NavItem[] = [
  { to: '/coordinator/blocks', label: 'nav.coordinatorBlocks' },
  { to: '/coordinator/hours', label: 'nav.coordinatorHours' },
  { to: '/shifts', label: 'nav.openShifts' },
  { to: '/my-shifts', label: 'nav.myShifts' },
  { to: '/calendar', label: 'nav.calendar' },
];

/**
 * The tabs a signed-in account sees, by its role. Coordinators keep the volunteer's tabs until
 * their own pages add theirs here. The API refuses what a role may not do either way; this only
 * keeps people from being shown pages that would refuse them.
 */
export function navigationFor(role: Role | undefined): NavItem[] {
  switch (role) {
    case 'organiser':
      return ORGANISER;
    case 'coordinator':
      return COORDINATOR;
    default:
      return VOLUNTEER;
  }
}

/** Where `/` takes a signed-in account: an organiser to the board, everyone else to open shifts. */
export function homePathFor(role: Role | undefined): string {
  return navigationFor(role)[0].to;
}
