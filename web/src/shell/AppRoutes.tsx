import { Button, Result, Spin } from 'antd';
import { Suspense, useMemo } from 'react';
import { matchRoutes, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { shellMessages, useMessages } from '../i18n';
import { lazyPage } from '../modules/types';
import { SessionProvider, useMe, useMeQuery } from '../session';
import { NotFoundPage } from './NotFoundPage';
import { PublicLayout } from './PublicLayout';
import { ALL_ROUTES } from './routes';

// Each page and the signed-in frame (menu, unit selector, notifications) load when first shown, so the
// first visit fetches only what its page needs: the sign-in form does not come with the public board.
const Shell = lazyPage(() => import('./Shell'), 'Shell');
const LoginPage = lazyPage(() => import('./LoginPage'), 'LoginPage');

const PUBLIC_PATHS = ALL_ROUTES.filter((r) => r.public).map((r) => ({ path: r.path }));

export function AppRoutes() {
  const meQuery = useMeQuery();
  const t = useMessages(shellMessages);

  if (meQuery.isPending) return <Spin size="large" fullscreen description={t('loading')} />;
  if (meQuery.isError) {
    return (
      <Result
        status="warning"
        title={t('loadFailed')}
        subTitle={meQuery.error.message}
        extra={<Button onClick={() => meQuery.refetch()}>{t('retry')}</Button>}
      />
    );
  }
  return (
    <SessionProvider me={meQuery.data}>
      <Routes>
        <Route
          path="/login"
          element={
            <Suspense fallback={<Spin size="large" fullscreen />}>
              <LoginPage />
            </Suspense>
          }
        />
        <Route element={<Frame />}>
          {ALL_ROUTES.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}

/**
 * One layout route for all pages, so the shell stays mounted while the person moves between pages.
 * Signed in: the shell. Signed out: public pages get a plain frame, the rest go to sign-in and come back.
 */
function Frame() {
  const me = useMe();
  const location = useLocation();
  const isPublic = useMemo(() => matchRoutes(PUBLIC_PATHS, location) !== null, [location]);
  if (me) {
    return (
      <Suspense fallback={<Spin size="large" fullscreen />}>
        <Shell>
          <Outlet />
        </Shell>
      </Suspense>
    );
  }
  if (isPublic) {
    return (
      <PublicLayout>
        <Outlet />
      </PublicLayout>
    );
  }
  const next = `${location.pathname}${location.search}`;
  return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
}
