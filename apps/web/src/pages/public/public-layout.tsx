import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../layout/language-switch';
import { useI18n } from '../../i18n/i18n';
import './public.css';

/** Residents' pages: no sign-in, no tabs; the community's name and the language switch. */
export function PublicLayout({ community, children }: { community?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="single public-page">
      <div className="single-brand">
        <span className="brand-name">{community ?? t('app.name')}</span>
        <LanguageSwitch />
      </div>
      {children}
    </main>
  );
}
