import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Spin } from 'antd';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { shellMessages, useMessages } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { SideMenu } from './SideMenu';
import { UnitSelector } from './UnitSelector';
import { UserMenu } from './UserMenu';
import { useIsMobile } from './useIsMobile';

const HEADER_HEIGHT = 56;
const RED = '#c8161d';

/**
 * The signed-in frame: header (brand, current unit, language, bell, person) and the side menu. On phones the
 * menu moves into a drawer and the current unit gets its own bar under the header.
 */
export function Shell({ children }: { children: ReactNode }) {
  const t = useMessages(shellMessages);
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer whenever the page changes.
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          display: 'flex',
          alignItems: 'center',
          gap: mobile ? 4 : 16,
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          padding: mobile ? '0 4px' : '0 20px',
          background: `linear-gradient(90deg, ${RED}, #a3121a)`,
        }}
      >
        {mobile && (
          <Button
            type="text"
            icon={<MenuOutlined style={{ fontSize: 18 }} />}
            style={{ color: '#fff' }}
            onClick={() => setDrawerOpen(true)}
            aria-label={t('menu')}
            data-testid="menu-button"
          />
        )}
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 2, whiteSpace: 'nowrap' }}>
          {t('brand')}
        </Link>
        {!mobile && <UnitSelector light />}
        <div style={{ flex: 1 }} />
        {!mobile && <LanguageSwitch light />}
        <NotificationBell />
        <UserMenu compact={mobile} />
      </Layout.Header>
      {mobile && (
        <div style={{ padding: '6px 12px', background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
          <UnitSelector block />
        </div>
      )}
      <Layout>
        {!mobile && (
          <Layout.Sider
            width={220}
            theme="light"
            style={{
              position: 'sticky',
              top: HEADER_HEIGHT,
              height: `calc(100vh - ${HEADER_HEIGHT}px)`,
              overflowY: 'auto',
              borderRight: '1px solid #f0f0f0',
            }}
          >
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>{children}</Suspense>
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer
          open={drawerOpen}
          placement="left"
          size={260}
          onClose={() => setDrawerOpen(false)}
          title={t('brand')}
          extra={<LanguageSwitch />}
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
