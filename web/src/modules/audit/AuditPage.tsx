import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { get } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { OfficeTable } from '../../components/OfficeTable';
import { useListParams } from '../../components/useListParams';
import { useLocale, useMessages } from '../../i18n';
import { diffRows } from './diff';
import { auditMessages } from './messages';

/** A row of GET /api/audit: the stored columns plus the Chinese names the server resolves. */
interface AuditEvent {
  id: number;
  at: string;
  actor_name: string;
  action: string;
  actionLabel: string;
  entity_type: string;
  entityLabel: string;
  entity_id: string;
  entityName: string | null;
  unit_path: string | null;
  unitName: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}
interface AuditPage {
  items: AuditEvent[];
  total: number;
}
const FILTERS = ['entityType', 'action', 'actor', 'from', 'to', 'unitId'] as const;

/**
 * /audit: who did what to which record, when and in which unit — in words (授予角色 · 王芳 · 文学院…), with a
 * date range, the unit, an Excel export of exactly the filtered events, and each change's before/after.
 */
export function AuditPage() {
  const t = useMessages(auditMessages);
  const { locale } = useLocale();
  const list = useListParams(FILTERS);
  const events = useQuery({
    queryKey: ['audit', list.query],
    queryFn: () => get<AuditPage>(`/api/audit?${list.query}`),
    placeholderData: keepPreviousData,
  });
  const labels = useQuery({
    queryKey: ['audit-labels'],
    queryFn: () => get<{ entities: Record<string, string> }>('/api/audit/labels'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const zh = locale === 'zh';
  const typeLabel = (type: string, label: string) => (zh ? label : type);

  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <FilterBar
        list={list}
        fields={[
          { kind: 'dateRange', label: t('dateRange') },
          { kind: 'unit', key: 'unitId', label: t('unit') },
          {
            kind: 'select',
            key: 'entityType',
            label: t('entityType'),
            options: Object.entries(labels.data?.entities ?? {}).map(([value, label]) => ({
              value,
              label: zh ? label : value,
            })),
          },
          { kind: 'text', key: 'action', label: t('action'), placeholder: t('actionHint') },
          { kind: 'text', key: 'actor', label: t('actor'), placeholder: t('actorHint') },
        ]}
      />
      {events.isError && <Typography.Paragraph type="danger">{events.error.message}</Typography.Paragraph>}
      <OfficeTable<AuditEvent>
        rowKey="id"
        list={list}
        rows={events.data?.items}
        total={events.data?.total ?? 0}
        loading={events.isFetching}
        testId="audit-table"
        toolbar={<ExportButton url="/api/audit.xlsx" list={list} />}
        expandable={{ expandedRowRender: (e) => <Diff event={e} /> }}
        columns={[
          {
            title: t('at'),
            dataIndex: 'at',
            sortKey: 'at',
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('action'),
            dataIndex: 'action',
            render: (action: string, e) => (
              <span>
                {zh ? e.actionLabel : action}{' '}
                {zh && e.actionLabel !== action && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {action}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('entity'),
            key: 'entity',
            render: (_, e) => (
              <span>
                <Typography.Text type="secondary">{typeLabel(e.entity_type, e.entityLabel)}</Typography.Text>{' '}
                {e.entityName ?? `#${e.entity_id}`}
              </span>
            ),
          },
          { title: t('actor'), dataIndex: 'actor_name' },
          { title: t('unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '' },
          { title: t('reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
        ]}
      />
    </>
  );
}

function Diff({ event }: { event: AuditEvent }) {
  const t = useMessages(auditMessages);
  const rows = diffRows(event.before, event.after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('noDiff')}</Typography.Text>;
  return (
    <Table
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid="audit-diff"
      onRow={(r) => ({ style: r.changed ? { background: '#fff7e6' } : undefined })}
      columns={[
        { title: t('field'), dataIndex: 'field' },
        { title: t('before'), dataIndex: 'before' },
        {
          title: t('after'),
          dataIndex: 'after',
          render: (v: string, r) => <Typography.Text strong={r.changed}>{v}</Typography.Text>,
        },
      ]}
    />
  );
}
