import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Statistic, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { DemandTable } from './DemandTable';
import type { Demand } from './demands-api';
import { FilterField } from './FilterField';

const messages = defineMessages(
  {
    title: '超时需求',
    intro: '本组织及下级组织超过分拣、认领或完成时限的需求，上级组织可见。',
    total: '超时合计',
    own: '本级',
    unit: '组织',
  },
  {
    title: 'Overdue needs',
    intro: 'Needs past their triage, claim or completion limit in this unit and below; visible up the tree.',
    total: 'Overdue in all',
    own: 'This unit',
    unit: 'Unit',
  },
);
interface Queue {
  unit: { id: number; name: string } | null;
  total: number;
  ownCount: number;
  byUnit: { unitId: number; unitName: string; overdue: number }[];
  items: Demand[];
}

/** /demands/overdue: the overdue queue of a unit with a count per child unit (each opens that unit's queue). */
export default function OverduePage() {
  const t = useMessages(messages);
  const { currentUnit } = useSession();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? (currentUnit ? String(currentUnit.id) : '');
  const queue = useQuery({
    queryKey: ['demands-overdue', unitId],
    queryFn: () => get<Queue>(`/api/demands/overdue${unitId ? `?unitId=${unitId}` : ''}`),
  });
  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <div style={{ marginBottom: 12, maxWidth: 360 }}>
        <FilterField label={t('unit')}>
          <UnitTreeSelect
            aria-label={t('unit')}
            value={unitId ? Number(unitId) : null}
            onChange={(id) => setParams(id ? { unitId: String(id) } : {})}
            style={{ minWidth: 260 }}
          />
        </FilterField>
      </div>
      <div style={{ marginBottom: 12 }}>
        <ExportButton url="/api/demands/overdue.xlsx" query={{ unitId: unitId || undefined }} />
      </div>
      {queue.isError && <Alert type="error" showIcon message={queue.error.message} />}
      {queue.data?.unit && (
        <Flex wrap gap={12} style={{ marginBottom: 12 }}>
          <Card size="small">
            <Statistic
              title={`${queue.data.unit.name} · ${t('total')}`}
              value={queue.data.total}
              valueStyle={{ color: queue.data.total ? '#cf1322' : undefined }}
            />
          </Card>
          <Card size="small">
            <Statistic title={t('own')} value={queue.data.ownCount} />
          </Card>
          {queue.data.byUnit.map((u) => (
            <Card key={u.unitId} size="small">
              <Link to={`/demands/overdue?unitId=${u.unitId}`}>
                <Statistic title={u.unitName} value={u.overdue} />
              </Link>
            </Card>
          ))}
        </Flex>
      )}
      <DemandTable items={queue.data?.items} loading={queue.isPending} />
    </>
  );
}
