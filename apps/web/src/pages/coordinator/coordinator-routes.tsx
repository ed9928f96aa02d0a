import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../../layout/page-state';

// Each page its own chunk, as in app.tsx: nobody but a coordinator loads them.
const CoordinatorBlocksPage = lazy(() => import('./coordinator-blocks-page'));
const CoordinatorHoursPage = lazy(() => import('./coordinator-hours-page'));

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

/** 协调员's pages, inside the signed-in shell (app.tsx). */
export const coordinatorRoutes: RouteObject[] = [
  { path: '/coordinator/blocks', element: page(<CoordinatorBlocksPage />) },
  { path: '/coordinator/hours', element: page(<CoordinatorHoursPage />) },
];
