import { Button, Result, Spin } from 'antd';
import { useMemo } from 'react';
import { matchRoutes, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { shellMessages, useMessages } from '../i18n';
import { SessionProvider, useMe, useMeQuery } from '../session';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { PublicLayout } from './PublicLayout';
import { ALL_ROUTES } from './routes';
import { Shell } from './Shell';

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
        <Route path="/login" element={<LoginPage />} />
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
      <Shell>
        <Outlet />
      </Shell>
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
