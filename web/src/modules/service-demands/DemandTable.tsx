import { Card, Empty, Flex, Pagination, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../../i18n';
import { useIsMobile } from '../../shell/useIsMobile';
import type { Demand } from './demands-api';
import { stateColor, useDemandLabels } from './labels';
import { demandMessages } from './messages';

const fmt = (iso: string | null | undefined) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

/** The clock of a need: due time, red when overdue. */
export function ClockTag({ demand }: { demand: Pick<Demand, 'clock'> }) {
  const t = useMessages(demandMessages);
  const labels = useDemandLabels();
  if (!demand.clock) return null;
  const { kind, dueAt, overdue } = demand.clock;
  return (
    <Tag color={overdue ? 'red' : 'default'} data-testid={overdue ? 'overdue-tag' : undefined}>
      {`${labels.clock(kind)} ${overdue ? t('overdue') : t('dueAt')} ${fmt(dueAt)}`}
    </Tag>
  );
}

/** Needs as a table on a wide screen and as cards on a phone; `extra` adds a column (e.g. match reasons). */
export function DemandTable({
  items,
  loading,
  pagination,
  extra,
}: {
  items: Demand[] | undefined;
  loading?: boolean;
  pagination?: { current: number; pageSize: number; total: number; onChange(page: number): void };
  extra?: { title: string; render(d: Demand): ReactNode };
}) {
  const t = useMessages(demandMessages);
  const labels = useDemandLabels();
  const mobile = useIsMobile();
  if (mobile) {
    if (!loading && items?.length === 0) return <Empty description={t('noData')} />;
    return (
      <Flex vertical gap={8} data-testid="demand-cards">
        {items?.map((d) => (
          <Link key={d.id} to={`/demands/${d.id}`}>
            <Card
              size="small"
              hoverable
              title={<span style={{ whiteSpace: 'normal' }}>{d.title}</span>}
              extra={<Tag color={stateColor(d.state)}>{labels.state(d.state)}</Tag>}
            >
              <Flex wrap gap={4}>
                {d.category && <Tag>{d.category.name}</Tag>}
                <Tag>{labels.channel(d.channel)}</Tag>
                <ClockTag demand={d} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[d.requester.name, d.originUnit?.name, d.claim?.unitName ?? d.responsibleUnit.name, fmt(d.submittedAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              {extra && <div style={{ marginTop: 6 }}>{extra.render(d)}</div>}
            </Card>
          </Link>
        ))}
        {pagination && pagination.total > pagination.pageSize && (
          <Pagination size="small" simple {...pagination} style={{ textAlign: 'center' }} />
        )}
      </Flex>
    );
  }
  return (
    <Table<Demand>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={pagination ? { ...pagination, showSizeChanger: false, hideOnSinglePage: true } : false}
      columns={[
        { title: '#', dataIndex: 'id', width: 64 },
        {
          title: t('title'),
          dataIndex: 'title',
          render: (title: string, d) => <Link to={`/demands/${d.id}`}>{title}</Link>,
        },
        {
          title: t('state'),
          dataIndex: 'state',
          render: (s: string) => <Tag color={stateColor(s)}>{labels.state(s)}</Tag>,
        },
        { title: t('category'), key: 'category', render: (_, d) => d.category?.name ?? '—' },
        { title: t('channel'), dataIndex: 'channel', render: (c: string) => labels.channel(c) },
        { title: t('requester'), key: 'requester', render: (_, d) => d.requester.name || '—' },
        { title: t('originUnit'), key: 'origin', render: (_, d) => d.originUnit?.name ?? t('outside') },
        { title: t('unit'), key: 'unit', render: (_, d) => d.claim?.unitName ?? d.responsibleUnit.name },
        { title: t('dueAt'), key: 'clock', render: (_, d) => <ClockTag demand={d} /> },
        { title: t('submittedAt'), dataIndex: 'submittedAt', render: (s: string) => fmt(s) },
        ...(extra ? [{ title: extra.title, key: 'extra', render: (_: unknown, d: Demand) => extra.render(d) }] : []),
      ]}
    />
  );
}
