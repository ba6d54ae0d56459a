import { Alert, Card, List, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../../i18n';
import { useIsMobile } from '../../shell/useIsMobile';
import { usePeopleLabels } from './labels';
import { peopleMessages } from './messages';
import { type Transfer, useTransfers } from './people-api';
import { DecideButtons } from './TransferDecision';

type Direction = 'incoming' | 'outgoing';
const STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'default' } as const;
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/** Where the request stands, and who decided it with what note. */
function Outcome({ transfer: r }: { transfer: Transfer }) {
  const t = useMessages(peopleMessages);
  const labels = usePeopleLabels();
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={STATUS_COLOR[r.status]}>{labels.label('transferStatus', r.status)}</Tag>
      {r.decidedByName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('decidedBy', { name: r.decidedByName, date: time(r.decidedAt) })}
          {r.decisionNote ? `：${r.decisionNote}` : ''}
        </Typography.Text>
      )}
    </Space>
  );
}

function TransferTable({ direction }: { direction: Direction }) {
  const t = useMessages(peopleMessages);
  const labels = usePeopleLabels();
  const mobile = useIsMobile();
  const [status, setStatus] = useState<string | undefined>(direction === 'incoming' ? 'pending' : undefined);
  const [page, setPage] = useState(1);
  const transfers = useTransfers(direction, status, page);

  const columns: ColumnsType<Transfer> = [
    {
      title: t('person'),
      key: 'person',
      width: 150,
      render: (_, r) => (
        <>
          <Link to={`/people/${r.personId}`}>{r.personName}</Link>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.staffNo}
          </Typography.Text>
        </>
      ),
    },
    { title: t('from'), dataIndex: 'fromUnitName', width: 200 },
    { title: t('to'), dataIndex: 'toUnitName', width: 200 },
    { title: t('reason'), dataIndex: 'reason', width: 200 },
    {
      title: t('requestedAt'),
      key: 'requested',
      width: 170,
      render: (_, r) => t('requestedBy', { name: r.requestedByName, date: time(r.requestedAt) }),
    },
    { title: t('status'), key: 'status', width: 200, render: (_, r) => <Outcome transfer={r} /> },
  ];
  if (direction === 'incoming') {
    columns.push({ title: t('actions'), key: 'actions', width: 170, render: (_, r) => <DecideButtons transfer={r} /> });
  }
  const pagination = { current: page, pageSize: 20, total: transfers.data?.total ?? 0, onChange: setPage };

  return (
    <>
      <Select
        allowClear
        placeholder={t('statusAll')}
        aria-label={t('status')}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={labels.options('transferStatus')}
        style={{ width: 160, marginBottom: 12 }}
      />
      {transfers.isError && <Alert type="error" showIcon title={transfers.error.message} />}
      {mobile ? (
        <List<Transfer>
          loading={transfers.isPending}
          dataSource={transfers.data?.items ?? []}
          pagination={{ ...pagination, size: 'small', simple: true, align: 'center' }}
          data-testid={`transfers-${direction}`}
          renderItem={(r) => (
            <List.Item style={{ padding: '4px 0', border: 'none' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Link to={`/people/${r.personId}`}>{r.personName}</Link>
                    <Typography.Text type="secondary">{r.staffNo}</Typography.Text>
                  </Space>
                  <Typography.Text>{t('fromTo', { from: r.fromUnitName, to: r.toUnitName })}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {`${t('reason')}：${r.reason}`}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('requestedBy', { name: r.requestedByName, date: time(r.requestedAt) })}
                  </Typography.Text>
                  <Outcome transfer={r} />
                  {direction === 'incoming' && <DecideButtons transfer={r} />}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Transfer>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={transfers.data?.items ?? []}
          loading={transfers.isPending}
          scroll={{ x: 1100 }}
          pagination={pagination}
          data-testid={`transfers-${direction}`}
        />
      )}
    </>
  );
}

/** /people/transfers: incoming requests this unit decides on, and outgoing requests it sent. */
export function TransfersPage() {
  const t = useMessages(peopleMessages);
  return (
    <>
      <h1 className="pioneer-page-title">{t('transfersTitle')}</h1>
      <Tabs
        items={[
          { key: 'incoming', label: t('incoming'), children: <TransferTable direction="incoming" /> },
          { key: 'outgoing', label: t('outgoing'), children: <TransferTable direction="outgoing" /> },
        ]}
      />
    </>
  );
}
