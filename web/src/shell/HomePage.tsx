import { AppstoreOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Progress, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { get } from '../api';
import { useDomainLabels } from '../domain-labels';
import { shellMessages, useLabel, useMessages } from '../i18n';
import { ROUTES } from '../modules/registry';
import { hasPermission } from '../modules/types';
import { useMe, useSession } from '../session';
import { buildMenu } from './menu';
import { PortalPage } from './PortalPage';
import { quickLinks } from './quick-links';

interface Coverage {
  unit: { id: number; name: string };
  total: number;
  covered: number;
  rate: number;
}

/** `/`: the portal for a visitor, the welcome page for a signed-in person. */
export function HomePage() {
  return useMe() ? <WelcomePage /> : <PortalPage />;
}

/** Welcome page: who I am here (roles on which units) and where I usually go next. */
function WelcomePage() {
  const { me, currentUnit } = useSession();
  const t = useMessages(shellMessages);
  const label = useLabel();
  const labels = useDomainLabels();
  const links = useMemo(() => quickLinks(me, buildMenu(ROUTES, me)), [me]);
  const showCoverage = Boolean(currentUnit) && hasPermission(me, 'report.view');
  const coverage = useQuery({
    queryKey: ['coverage', currentUnit?.id],
    queryFn: () => get<Coverage>(`/api/reports/coverage?unitId=${currentUnit!.id}`),
    enabled: showCoverage,
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('welcome', { name: me.person.name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('welcomeHint')}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={showCoverage ? 14 : 24}>
          <Card title={t('myRoles')} data-testid="my-roles" style={{ height: '100%' }}>
            {me.isSystemAdmin && <Tag color="red">{t('systemAdmin')}</Tag>}
            {me.roles.length === 0 && !me.isSystemAdmin ? (
              <Typography.Text type="secondary">{t('noRoles')}</Typography.Text>
            ) : (
              <Space wrap size={[8, 8]}>
                {me.roles.map((r) => (
                  <Tag key={r.grantId} color="volcano" style={{ whiteSpace: 'normal' }}>
                    {labels.role(r.role, r.roleLabel)} · {r.unitName}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        {showCoverage && (
          <Col xs={24} lg={10}>
            <Card title={t('coverage')} loading={coverage.isPending} style={{ height: '100%' }}>
              {coverage.data && (
                <Space align="center" size={16} wrap>
                  <Progress type="circle" size={80} percent={Math.round(coverage.data.rate * 100)} />
                  <Link to="/org/grid">
                    {t('coverageOf', {
                      unit: coverage.data.unit.name,
                      covered: coverage.data.covered,
                      total: coverage.data.total,
                    })}
                  </Link>
                </Space>
              )}
              {coverage.isError && <Typography.Text type="secondary">{coverage.error.message}</Typography.Text>}
            </Card>
          </Col>
        )}
      </Row>
      <Card title={t('quickLinks')} data-testid="quick-links">
        {links.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Row gutter={[12, 12]}>
            {links.map((l) => (
              <Col key={l.path} xs={12} sm={8} md={6}>
                <Link to={l.path}>
                  <Card hoverable size="small" style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 22, color: '#c8161d' }}>{l.icon ?? <AppstoreOutlined />}</div>
                    <div style={{ marginTop: 4 }}>{label(l.label)}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  );
}
