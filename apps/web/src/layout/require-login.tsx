import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe, useSessionStatus } from '../api/session';
import { PageLoading } from './page-state';

/** Signed-out visitors go to the login page, which brings them back here afterwards. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const me = useMe();
  const status = useSessionStatus();
  const location = useLocation();
  if (status === 'restoring') return <PageLoading />;
  if (!me) {
    return (
      <Navigate to={status === 'left' ? '/login' : loginPath(location.pathname + location.search)} replace />
    );
  }
  return children;
}

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** Only a path of this app: never another site (`//evil.example`) after signing in; `/` opens the role's first tab. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
