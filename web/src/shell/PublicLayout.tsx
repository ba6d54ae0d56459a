import { Button, Layout, Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { shellMessages, useMessages } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of public pages (board, public forms, certificate check) for people who are not signed in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useMessages(shellMessages);
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 8, height: 56, padding: '0 12px', background: '#c8161d' }}
      >
        <span style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 2, whiteSpace: 'nowrap' }}>
          {t('brand')}
        </span>
        <div style={{ flex: 1 }} />
        <LanguageSwitch light />
        <Link to={`/login?next=${next}`}>
          <Button size="small">{t('signIn')}</Button>
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 1100, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>{children}</Suspense>
      </Layout.Content>
    </Layout>
  );
}
