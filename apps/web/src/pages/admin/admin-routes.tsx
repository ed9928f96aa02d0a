import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { PageLoading } from '../../layout/page-state';
import { AdminSection } from './admin-section';

// Each page its own chunk, as in app.tsx: nobody but an organiser loads them.
const PeoplePage = lazy(() => import('./people-page'));
const OrganisationsPage = lazy(() => import('./organisations-page'));
const EstatesPage = lazy(() => import('./estates-page'));
const RosterImportPage = lazy(() => import('./roster-import-page'));
const HoursReportPage = lazy(() => import('./hours-report-page'));
const OutboxPage = lazy(() => import('./outbox-page'));

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

/** The organiser's directory (人员, 组织, 小区, 导入名册), the hours report and the outbox, inside the signed-in shell (app.tsx). */
export const adminRoutes: RouteObject[] = [
  {
    path: '/admin',
    element: <AdminSection />,
    children: [
      { index: true, element: <Navigate to="/admin/people" replace /> },
      { path: 'people', element: page(<PeoplePage />) },
      { path: 'organisations', element: page(<OrganisationsPage />) },
      { path: 'estates', element: page(<EstatesPage />) },
      { path: 'import', element: page(<RosterImportPage />) },
      { path: 'hours', element: page(<HoursReportPage />) },
      { path: 'outbox', element: page(<OutboxPage />) },
    ],
  },
];
