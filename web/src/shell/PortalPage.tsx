import { AppstoreOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get } from '../api';
import { defineMessages, useLocale, useMessages } from '../i18n';
import type { BoardItem, Page } from '../modules/service-demands/demands-api';
import { stateColor, useDemandLabels } from '../modules/service-demands/labels';
import { portalTiles } from './portal-tiles';

const messages = defineMessages(
  {
    title: '先锋服务',
    tagline: '高校服务型党组织一站式服务平台：有需求，找支部；有服务，看公示。',
    signIn: '登录',
    signInHint: '党员、支部书记和各职能部门请登录后办理',
    open: '不用登录就能办',
    latest: '最新公示',
    all: '查看全部',
    none: '暂无公示的需求',
  },
  {
    title: 'Pioneer',
    tagline: 'One-stop service platform of the university’s Party organizations: ask for help, see who serves.',
    signIn: 'Sign in',
    signInHint: 'Members, branch secretaries and offices sign in to work',
    open: 'Without signing in',
    latest: 'Latest on the board',
    all: 'See all',
    none: 'Nothing on the board yet',
  },
);

/**
 * `/` for a visitor who is not signed in: what the platform offers the public (the service board, submitting
 * and tracking a need, verifying a certificate, venues — and whatever later modules add as portal tiles),
 * the latest needs on the board, and the way to sign in. Light on purpose: no charts, one small request.
 */
export function PortalPage() {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const tiles = portalTiles();
  return (
    <Flex vertical gap={16} data-testid="portal">
      <div
        style={{
          background: 'linear-gradient(135deg, #c8161d, #9e1016)',
          borderRadius: 8,
          padding: '28px 20px',
          color: '#fff',
        }}
      >
        <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: 4 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,.9)', margin: '8px 0 16px' }}>
          {t('tagline')}
        </Typography.Paragraph>
        <Flex wrap gap={12} align="center">
          <Link to="/login">
            <Button size="large" data-testid="portal-sign-in">
              {t('signIn')}
            </Button>
          </Link>
          <Typography.Text style={{ color: 'rgba(255,255,255,.85)', fontSize: 13 }}>{t('signInHint')}</Typography.Text>
        </Flex>
      </div>
      <Card title={t('open')} size="small">
        <Flex wrap gap={12}>
          {tiles.map((tile) => (
            <Link key={tile.path} to={tile.path} data-testid="portal-tile" style={{ flex: '1 1 150px', minWidth: 0 }}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <div style={{ fontSize: 24, color: '#c8161d' }}>{tile.icon ?? <AppstoreOutlined />}</div>
                <Typography.Text strong>{tile[locale].label}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
                  {tile[locale].description}
                </Typography.Paragraph>
              </Card>
            </Link>
          ))}
        </Flex>
      </Card>
      <LatestOnBoard />
    </Flex>
  );
}

function LatestOnBoard() {
  const t = useMessages(messages);
  const labels = useDemandLabels();
  const board = useQuery({
    queryKey: ['board', 'portal'],
    queryFn: () => get<Page<BoardItem>>('/api/public/board?page=1'),
  });
  return (
    <Card
      title={t('latest')}
      size="small"
      loading={board.isPending}
      extra={
        <Link to="/board">
          {t('all')} <RightOutlined />
        </Link>
      }
    >
      {board.isError && <Typography.Text type="secondary">{board.error.message}</Typography.Text>}
      {board.data && board.data.items.length === 0 && <Empty description={t('none')} />}
      {board.data && board.data.items.length > 0 && (
        <List
          size="small"
          dataSource={board.data.items.slice(0, 5)}
          renderItem={(item) => (
            <List.Item>
              <Flex justify="space-between" align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis>{item.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[item.categoryName, item.campus, item.servedBy].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Flex>
                <Tag color={stateColor(item.state)} style={{ marginInlineEnd: 0 }}>
                  {labels.state(item.state)}
                </Tag>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
