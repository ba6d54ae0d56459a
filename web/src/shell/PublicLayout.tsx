import { Button, Layout, Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { shellMessages, useLocale, useMessages } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { portalTiles } from './portal-tiles';

/**
 * The frame of public pages (portal, board, public forms, certificate check) for people who are not signed
 * in: the brand leads home to the portal, a row of links reaches every public page, and sign-in is one tap.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useMessages(shellMessages);
  const { locale } = useLocale();
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  const links = [
    { path: '/', label: t('home') },
    ...portalTiles().map((p) => ({ path: p.path, label: p[locale].label })),
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 8, height: 56, padding: '0 12px', background: '#c8161d' }}
      >
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 2, whiteSpace: 'nowrap' }}>
          {t('brand')}
        </Link>
        <div style={{ flex: 1 }} />
        <LanguageSwitch light />
        <Link to={location.pathname === '/' ? '/login' : `/login?next=${next}`}>
          <Button size="small" data-testid="public-sign-in">
            {t('signIn')}
          </Button>
        </Link>
      </Layout.Header>
      <nav
        aria-label={t('publicPages')}
        data-testid="public-nav"
        style={{
          display: 'flex',
          gap: 4,
          overflowX: 'auto',
          whiteSpace: 'nowrap',
          padding: '0 8px',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        {links.map((l) => (
          <NavLink
            key={l.path}
            to={l.path}
            end
            style={({ isActive }) => ({
              padding: '10px 10px',
              color: isActive ? '#c8161d' : 'rgba(0,0,0,.75)',
              borderBottom: `2px solid ${isActive ? '#c8161d' : 'transparent'}`,
              flex: 'none',
            })}
          >
            {l.label}
          </NavLink>
        ))}
      </nav>
      <Layout.Content style={{ padding: 12, maxWidth: 1100, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>{children}</Suspense>
      </Layout.Content>
    </Layout>
  );
}
