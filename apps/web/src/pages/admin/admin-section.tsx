import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { OrganiserOnly } from '../organiser/organiser-only';
import './admin.css';

const SECTIONS: { to: string; label: MessageKey }[] = [
  { to: '/admin/people', label: 'nav.adminPeople' },
  { to: '/admin/organisations', label: 'nav.adminOrganisations' },
  { to: '/admin/estates', label: 'nav.adminEstates' },
  { to: '/admin/import', label: 'nav.adminImport' },
  { to: '/admin/hours', label: 'nav.adminHours' },
  { to: '/admin/outbox', label: 'nav.adminOutbox' },
];

/**
 * The directory's pages under one tab of the shell (人员), with their own row of links: the
 * organiser's main tabs stay few (navigation.ts).
 */
export function AdminSection() {
  const { t } = useI18n();
  return (
    <OrganiserOnly>
      <div className="admin-page">
        <nav className="admin-sections" aria-label={t('nav.adminSections')}>
          {SECTIONS.map((section) => (
            <NavLink key={section.to} to={section.to} className="admin-section-link">
              {t(section.label)}
            </NavLink>
          ))}
        </nav>
        <Outlet />
      </div>
    </OrganiserOnly>
  );
}
