import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, ScrollRestoration } from 'react-router';
import { signOut, useMe } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { navigationFor } from './navigation';

/**
 * Phone first: the header with the community and the language switch, the page, and a bottom
 * bar of large tabs (five for a volunteer) within thumb reach; on a wide screen the tabs sit under the header.
 */
export function AppShell() {
  const { t, language, setLanguage } = useI18n();
  const me = useMe();
  // The tabs of the signed-in role (navigation.ts): a volunteer's five, an organiser's section.
  const nav = navigationFor(me?.account.role);
  const queryClient = useQueryClient();
  // The signed-in pages then send the visitor to the login page (RequireLogin).
  const leave = async () => {
    await signOut();
    queryClient.clear();
  };
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-community">{me?.community.name ?? t('app.tagline')}</span>
        </div>
        <div className="shell-actions">
          <Button
            type="text"
            lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
            aria-label={t('shell.switchLanguageLabel')}
            onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
          >
            {t('shell.switchLanguage')}
          </Button>
          <Button type="text" onClick={() => void leave()}>
            {t('shell.signOut')}
          </Button>
        </div>
      </header>
      <nav
        className="shell-nav"
        aria-label={t('nav.label')}
        style={{ gridTemplateColumns: `repeat(${nav.length}, 1fr)` }}
      >
        {nav.map((item) => (
          <NavLink key={item.to} to={item.to} className="shell-nav-link">
            {t(item.label)}
          </NavLink>
        ))}
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
      <ScrollRestoration />
    </div>
  );
}
