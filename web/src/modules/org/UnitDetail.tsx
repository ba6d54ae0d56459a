import { QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import { useOrgLabels } from './labels';
import { type OrgKey, orgMessages } from './messages';
import { type Unit, type UnitHistoryItem, usePartners } from './org-api';
import { type UnitAction, UnitActionDialog } from './UnitActionDialog';

const fmt = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

const help = defineMessages(
  {
    peopleHelp:
      '本级人数只计直接编在本组织的人员，不含下级组织。党员都编在党支部，所以党委、党总支的本级人数常为 0；“查看名册（含下级）”列出全部人员。',
  },
  {
    peopleHelp:
      'Only people placed directly in this unit, not in its sub-units. Members belong to branches, so a committee or general branch often shows 0 here; the roster (with sub-units) lists everyone.',
  },
);

/** The selected unit: facts, the actions its `abilities` allow, and its change history. */
export function UnitDetail({ unit, units, onSelect }: { unit: Unit; units: Unit[]; onSelect: (id: number) => void }) {
  const t = useMessages(orgMessages);
  const h = useMessages(help);
  const labels = useOrgLabels();
  const [action, setAction] = useState<UnitAction | null>(null);
  const partners = usePartners();
  const parent = units.find((u) => u.id === unit.parentId);
  const partner = unit.partnerId ? partners.data?.find((p) => p.id === unit.partnerId) : undefined;
  const history = useQuery({
    queryKey: ['unit-history', unit.id],
    queryFn: () => get<{ items: UnitHistoryItem[] }>(`/api/units/${unit.id}/history`).then((r) => r.items),
  });

  const a = unit.abilities;
  const actions: { key: UnitAction; allowed: boolean; danger?: boolean }[] = [
    { key: 'createChild', allowed: a.createChild },
    { key: 'rename', allowed: a.rename },
    { key: 'move', allowed: a.move },
    { key: 'close', allowed: a.close, danger: true },
  ];
  const allowed = actions.filter((x) => x.allowed);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <span>
            {unit.name} {unit.closedAt && <Tag>{t('closed')}</Tag>}
          </span>
        }
        data-testid="unit-detail"
      >
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('type')}>
            {labels.unitType(unit.type)}
            {unit.branchKind && `（${labels.branchKind(unit.branchKind)}）`}
          </Descriptions.Item>
          <Descriptions.Item label={t('code')}>{unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('parent')}>
            {parent ? <Link to={`/org?unit=${parent.id}`}>{parent.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item
            label={
              <Tooltip title={h('peopleHelp')}>
                <span data-testid="people-count-help">
                  {t('people')} <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,.45)' }} />
                </span>
              </Tooltip>
            }
          >
            {unit.peopleCount}　<Link to={`/people?unitId=${unit.id}`}>{t('roster')}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('partner')}>{partner?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            {unit.closedAt ? t('closedAt', { date: fmt(unit.closedAt) }) : t('active')}
          </Descriptions.Item>
          <Descriptions.Item label={t('createdAt')}>{fmt(unit.createdAt)}</Descriptions.Item>
        </Descriptions>
        {allowed.length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            {allowed.map((x) => (
              <Button
                key={x.key}
                danger={x.danger}
                type={x.key === 'createChild' ? 'primary' : 'default'}
                onClick={() => setAction(x.key)}
              >
                {t(x.key)}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Card title={t('history')} size="small" loading={history.isPending} data-testid="unit-history">
        {history.isError && <Typography.Text type="danger">{history.error.message}</Typography.Text>}
        {history.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHistory')} />}
        {history.data && history.data.length > 0 && (
          <Timeline
            items={history.data.map((h) => ({
              key: h.id,
              content: (
                <div>
                  <Typography.Text strong>{historyLabel(t, h.action)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {fmt(h.at)} · {h.actorName}
                  </Typography.Text>
                  <HistoryChange item={h} units={units} />
                  {h.reason && (
                    <div>
                      <Typography.Text type="secondary">{t('reason')}：</Typography.Text>
                      {h.reason}
                    </div>
                  )}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {action && (
        <UnitActionDialog
          action={action}
          unit={unit}
          units={units}
          onClose={() => setAction(null)}
          onCreated={(id) => onSelect(id)}
        />
      )}
    </Space>
  );
}

function historyLabel(t: (key: OrgKey) => string, action: string) {
  const key = `action.${action}` as OrgKey;
  return key in orgMessages.zh ? t(key) : action;
}

/** One line of what changed: a new name, a new parent, a creation's name and code. */
function HistoryChange({ item, units }: { item: UnitHistoryItem; units: Unit[] }) {
  const before = item.before ?? {};
  const after = item.after ?? {};
  const unitName = (id: unknown) => units.find((u) => u.id === id)?.name ?? `#${String(id)}`;
  let text: string | null = null;
  if ('name' in after && 'name' in before) text = `${String(before.name)} → ${String(after.name)}`;
  else if ('parentId' in after && 'parentId' in before)
    text = `${unitName(before.parentId)} → ${unitName(after.parentId)}`;
  else if ('name' in after) text = `${String(after.name)}（${String(after.code ?? '')}）`;
  return text ? <div>{text}</div> : null;
}
