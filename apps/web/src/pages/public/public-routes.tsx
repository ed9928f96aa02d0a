import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../../layout/page-state';
import { RequireLogin } from '../../layout/require-login';

const CommunitiesPage = lazy(() => import('./communities-page'));
const CommunityPage = lazy(() => import('./community-page'));
const EstatePage = lazy(() => import('./estate-page'));
const KioskPage = lazy(() => import('./kiosk-page'));

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

/**
 * Pages outside the signed-in shell: the residents' (no sign-in at all) and the check-in kiosk,
 * full screen on a tablet on site (an organiser signs in on it; the API refuses anyone else).
 */
export const publicRoutes: RouteObject[] = [
  { path: '/community', element: page(<CommunitiesPage />) },
  { path: '/community/:slug', element: page(<CommunityPage />) },
  { path: '/community/:slug/estates/:estateId', element: page(<EstatePage />) },
  { path: '/kiosk/:shiftId', element: <RequireLogin>{page(<KioskPage />)}</RequireLogin> },
];
