import type { ReactNode } from 'react';
import { useMe } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { EmptyState } from '../../layout/page-state';

/** The organiser's pages say so to anyone else (the API would refuse their changes anyway). */
export function OrganiserOnly({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  if (me?.account.role !== 'organiser') return <EmptyState text={t('organiser.onlyOrganisers')} />;
  return children;
}
