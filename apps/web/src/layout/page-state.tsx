import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Spin } from 'antd';
import { problemMessage } from '../api/problem';
import { useI18n } from '../i18n/i18n';

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page-loading" role="status">
      <Spin />
      <span>{t('common.loading')}</span>
    </div>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={problemMessage(error, t)}
      action={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

/** The page's heading, its one-line purpose, and the browser tab's title. */
export function PageHeader({ title, intro, extra }: { title: string; intro?: string; extra?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <header className="page-header">
      <h1 className="page-title">{title}</h1>
      {intro && <p className="page-intro">{intro}</p>}
      {extra}
    </header>
  );
}

/** A page or list with nothing in it yet: what that means and, if any, what to do. */
export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{text}</p>
      {children}
    </div>
  );
}
