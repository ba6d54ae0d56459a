import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Col, Form, Input, Row, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { get } from '../../api';
import { useLocale, useMessages } from '../../i18n';
import { diffRows } from './diff';
import { ACTION_LABELS, auditMessages, ENTITY_TYPE_LABELS } from './messages';

/** A row of GET /api/audit (column names as stored). */
interface AuditEvent {
  id: number;
  at: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_path: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}
interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}
const FILTERS = ['entityType', 'action', 'actor'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** /audit: who changed what and when within the viewer's scope, filterable, with each change's before/after. */
export function AuditPage() {
  const t = useMessages(auditMessages);
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const filters: Filters = Object.fromEntries(FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])));

  const query = new URLSearchParams({ ...filters, page: String(page), pageSize: String(pageSize) });
  const events = useQuery({
    queryKey: ['audit', query.toString()],
    queryFn: () => get<AuditPage>(`/api/audit?${query}`),
    placeholderData: keepPreviousData,
  });
  const typeLabel = (type: string) => (locale === 'zh' && ENTITY_TYPE_LABELS[type] ? ENTITY_TYPE_LABELS[type] : type);

  const apply = (values: Filters) => {
    const next = new URLSearchParams();
    for (const f of FILTERS) if (values[f]?.trim()) next.set(f, values[f]!.trim());
    setParams(next);
  };

  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form form={form} layout="vertical" initialValues={filters} onFinish={apply}>
          <Row gutter={12} align="bottom">
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="entityType" label={t('entityType')}>
                <AutoComplete
                  allowClear
                  placeholder={t('any')}
                  options={Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({
                    value,
                    label: `${label}（${value}）`,
                  }))}
                  filterOption={(input, option) =>
                    String(option?.label ?? '')
                      .toLowerCase()
                      .includes(input.toLowerCase())
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="action" label={t('action')}>
                <Input allowClear placeholder={t('actionHint')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="actor" label={t('actor')}>
                <Input allowClear placeholder={t('actorHint')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit">
                    {t('search')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.setFieldsValue({ entityType: undefined, action: undefined, actor: undefined });
                      setParams(new URLSearchParams());
                    }}
                  >
                    {t('reset')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {events.isError && <Typography.Paragraph type="danger">{events.error.message}</Typography.Paragraph>}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={events.isFetching}
        dataSource={events.data?.items}
        scroll={{ x: 'max-content' }}
        data-testid="audit-table"
        pagination={{
          current: page,
          pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('total', { n }),
          onChange: (p, size) => {
            const next = new URLSearchParams(params);
            next.set('page', String(size === pageSize ? p : 1));
            next.set('pageSize', String(size));
            setParams(next);
          },
        }}
        expandable={{ expandedRowRender: (e) => <Diff event={e} /> }}
        columns={[
          { title: t('at'), dataIndex: 'at', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          {
            title: t('action'),
            dataIndex: 'action',
            render: (action: string) =>
              locale === 'zh' && ACTION_LABELS[action] ? (
                <span>
                  {ACTION_LABELS[action]}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {action}
                  </Typography.Text>
                </span>
              ) : (
                action
              ),
          },
          { title: t('entity'), key: 'entity', render: (_, e) => `${typeLabel(e.entity_type)} #${e.entity_id}` },
          { title: t('actor'), dataIndex: 'actor_name' },
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
