import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { get } from '../../api';
import { useDomainLabels } from '../../domain-labels';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { LoginThrottleCard } from '../account/LoginThrottleCard';
import { hasPermission } from '../types';
import type { Explanation, Grant } from './access-api';
import { ExplainList } from './ExplainList';
import { GrantDialog, RevokeDialog } from './GrantDialogs';
import { accessMessages } from './messages';
import { PersonPicker } from './PersonPicker';

const STATUS_COLORS: Record<Grant['status'], string> = {
  active: 'green',
  future: 'blue',
  expired: 'default',
  revoked: 'default',
  unit_closed: 'default',
};

/** /access: pick a person; see their grants (grant and revoke where allowed) and what each permission reaches, and why. */
export function AccessPage() {
  const t = useMessages(accessMessages);
  const labels = useDomainLabels();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const personId = Number(params.get('personId')) || null;
  const [onlyHeld, setOnlyHeld] = useState(true);
  const [granting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<Grant | null>(null);

  const explain = useQuery({
    queryKey: ['access-explain', personId],
    queryFn: () => get<Explanation>(`/api/access/explain?personId=${personId}`),
    enabled: personId !== null,
  });
  const grants = useQuery({
    queryKey: ['grants', personId],
    queryFn: () =>
      get<{ items: Grant[] }>(`/api/grants?personId=${personId}&includeInactive=true`).then((r) => r.items),
    enabled: personId !== null,
  });
  const person = explain.data?.person;
  const permissions = (explain.data?.permissions ?? []).filter((p) => !onlyHeld || p.scopes.length > 0);

  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <PersonPicker
              value={personId}
              valueLabel={person ? `${person.name}（${person.unitName}）` : undefined}
              onChange={(id) => setParams(id ? { personId: String(id) } : {})}
              placeholder={t('searchPerson')}
            />
            {!personId && <Typography.Text type="secondary">{t('pickHint')}</Typography.Text>}
          </Space>
        </Card>
        {explain.isError && <Typography.Text type="danger">{explain.error.message}</Typography.Text>}
        {person && (
          <>
            <Card size="small" title={t('person')} data-testid="access-person">
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={t('person')}>
                  {person.name} {explain.data?.isSystemAdmin && <Tag color="red">{t('systemAdmin')}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label={t('unit')}>{person.unitName}</Descriptions.Item>
              </Descriptions>
            </Card>
            {hasPermission(me, 'grants.manage') && person.id !== me.person.id && (
              <LoginThrottleCard personId={person.id} />
            )}
            <Card
              size="small"
              title={t('grants')}
              extra={
                hasPermission(me, 'grants.manage') &&
                person.id !== me.person.id && (
                  <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setGranting(true)}>
                    {t('grant')}
                  </Button>
                )
              }
            >
              <Table<Grant>
                rowKey="id"
                size="small"
                loading={grants.isPending}
                dataSource={grants.data}
                scroll={{ x: 'max-content' }}
                pagination={false}
                locale={{ emptyText: t('noGrants') }}
                data-testid="grants-table"
                columns={[
                  { title: t('role'), key: 'role', render: (_, g) => labels.role(g.role, g.roleLabel) },
                  { title: t('grantUnit'), dataIndex: 'unitName' },
                  {
                    title: t('validity'),
                    key: 'validity',
                    render: (_, g) => `${g.validFrom} ~ ${g.validTo ?? t('longTerm')}`,
                  },
                  {
                    title: t('status'),
                    key: 'status',
                    render: (_, g) => (
                      <Tag color={STATUS_COLORS[g.status]}>{labels.grantStatus(g.status, g.statusLabel)}</Tag>
                    ),
                  },
                  { title: t('grantedBy'), dataIndex: 'grantedByName', render: (v: string | null) => v ?? '—' },
                  {
                    title: t('actions'),
                    key: 'actions',
                    render: (_, g) =>
                      g.abilities.revoke && (
                        <Button type="link" danger size="small" onClick={() => setRevoking(g)}>
                          {t('revoke')}
                        </Button>
                      ),
                  },
                ]}
              />
            </Card>
            <Card
              size="small"
              title={t('explain')}
              extra={
                <Space>
                  <Switch size="small" checked={onlyHeld} onChange={setOnlyHeld} aria-label={t('onlyHeld')} />
                  <Typography.Text>{t('onlyHeld')}</Typography.Text>
                </Space>
              }
            >
              {permissions.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
              ) : (
                <ExplainList permissions={permissions} />
              )}
            </Card>
          </>
        )}
      </Space>
      {granting && person && <GrantDialog person={person} onClose={() => setGranting(false)} />}
      {revoking && <RevokeDialog grant={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}
