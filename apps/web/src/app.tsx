import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiProblem } from './api/problem';
import { currentMe, restoreSession, useMe } from './api/session';
import { openShiftsQuery } from './pages/open-shifts/open-shifts-query';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppShell } from './layout/app-shell';
import { homePathFor } from './layout/navigation';
import { FeedbackProvider } from './layout/feedback';
import { RequireLogin } from './layout/require-login';
import { PageLoading } from './layout/page-state';
import { themeFor } from './theme';
import { coordinatorRoutes } from './pages/coordinator/coordinator-routes';
import { adminRoutes } from './pages/admin/admin-routes';
import { publicRoutes } from './pages/public/public-routes';

// Each page is its own chunk: a volunteer's phone loads the shell and the page it opens, not the app.
const pages = {
  login: () => import('./pages/login-page'),
  openShifts: () => import('./pages/open-shifts/open-shifts-page'),
  myShifts: () => import('./pages/my-shifts/my-shifts-page'),
  calendar: () => import('./pages/calendar/calendar-page'),
  reminders: () => import('./pages/reminders-page'),
  hours: () => import('./pages/hours-page'),
  checkIn: () => import('./pages/check-in-page'),
  notFound: () => import('./pages/not-found-page'),
  organiserRota: () => import('./pages/organiser/rota-page'),
  organiserPrint: () => import('./pages/organiser/print-page'),
  organiserSeries: () => import('./pages/organiser/series-page'),
};
const LoginPage = lazy(pages.login);
const OpenShiftsPage = lazy(pages.openShifts);
const MyShiftsPage = lazy(pages.myShifts);
const CalendarPage = lazy(pages.calendar);
const RemindersPage = lazy(pages.reminders);
const HoursPage = lazy(pages.hours);
const CheckInPage = lazy(pages.checkIn);
const NotFoundPage = lazy(pages.notFound);
const OrganiserRotaPage = lazy(pages.organiserRota);
const OrganiserPrintPage = lazy(pages.organiserPrint);
const OrganiserSeriesPage = lazy(pages.organiserSeries);

/** `/` opens the first tab of the signed-in role: an organiser's board, a volunteer's open shifts. */
function HomeRedirect() {
  return <Navigate to={homePathFor(useMe()?.account.role)} replace />;
}

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  // The URL the check-in QR code encodes (libs/volunteering/src/api/check-in-link.ts).
  { path: '/checkin', element: page(<CheckInPage />) },
  ...publicRoutes,
  {
    element: (
      <RequireLogin>
        <AppShell />
      </RequireLogin>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: '/shifts', element: page(<OpenShiftsPage />) },
      { path: '/my-shifts', element: page(<MyShiftsPage />) },
      { path: '/calendar', element: page(<CalendarPage />) },
      { path: '/reminders', element: page(<RemindersPage />) },
      { path: '/hours', element: page(<HoursPage />) },
      { path: '/organiser/rota', element: page(<OrganiserRotaPage />) },
      { path: '/organiser/print', element: page(<OrganiserPrintPage />) },
      { path: '/organiser/series', element: page(<OrganiserSeriesPage />) },
      ...coordinatorRoutes,
      ...adminRoutes,
    ],
  },
  { path: '*', element: page(<NotFoundPage />) },
]);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal (4xx) will not change by asking again; a dropped connection or a 503 may.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});

/**
 * The page the address names, and on the volunteers' first page its data, start loading with the
 * shell rather than after it has rendered: on a slow phone network that is a round trip or two
 * sooner to the first 认领 button (npm run bench -- web).
 */
function startLoadingFirstPage(path: string): void {
  const byPath: Record<string, () => Promise<unknown>> = {
    '/': pages.openShifts,
    '/shifts': pages.openShifts,
    '/my-shifts': pages.myShifts,
    '/calendar': pages.calendar,
    '/reminders': pages.reminders,
    '/hours': pages.hours,
    '/checkin': pages.checkIn,
    '/login': pages.login,
    '/organiser/rota': pages.organiserRota,
    '/organiser/print': pages.organiserPrint,
    '/organiser/series': pages.organiserSeries,
  };
  void byPath[path]?.();
  if (path === '/' && currentMe()?.account.role === 'organiser') void pages.organiserRota();
  else if ((path === '/' || path === '/shifts') && currentMe())
    void queryClient.prefetchQuery(openShiftsQuery);
}
restoreSession();
startLoadingFirstPage(window.location.pathname);

function Localised({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  const theme = useMemo(() => themeFor(language), [language]);
  return (
    // No space inserted into two-character Chinese labels (认领, not 认 领): screen readers read the word.
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      <FeedbackProvider>{children}</FeedbackProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Localised>
          <RouterProvider router={router} />
        </Localised>
      </QueryClientProvider>
    </I18nProvider>
  );
}
