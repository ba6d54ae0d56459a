import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { OfficeTable } from '../../components/OfficeTable';
import { useListParams } from '../../components/useListParams';
import { useMessages } from '../../i18n';
import { ExpenseDialog } from './ExpenseDialog';
import { type Expense, thisYear, yearOptions, yuan } from './funding-api';
import { useFundingLabels } from './labels';
import { fundingMessages } from './messages';

const FILTERS = ['year', 'unitId', 'category', 'status', 'q', 'from', 'to'] as const;
const STATUS_COLORS: Record<string, string> = {
  recorded: 'default',
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
};

/** /funding/expenses: the append-only expense ledger with receipts, approvals and reversals; Excel export. */
export function ExpensesPage() {
  const t = useMessages(fundingMessages);
  const labels = useFundingLabels();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const list = useListParams(FILTERS, { filters: { year: String(thisYear()) } });
  const [adding, setAdding] = useState(false);
  const expenses = useQuery({
    queryKey: ['funding-expenses', list.query],
    queryFn: () => get<{ items: Expense[]; total: number }>(`/api/funding/expenses?${list.query}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('funding') });

  /** Asks for a reason, then posts it; errors are shown and keep the dialog open. */
  const withReason = (title: string, label: string, run: (reason: string) => Promise<unknown>) => {
    let reason = '';
    modal.confirm({
      title,
      content: (
        <Input.TextArea
          aria-label={label}
          placeholder={label}
          onChange={(e) => {
            reason = e.target.value;
          }}
          data-testid="reason-input"
        />
      ),
      okText: t('save'),
      cancelText: t('cancel'),
      onOk: async () => {
        try {
          await run(reason);
          message.success(t('saved'));
          await refresh();
        } catch (e) {
          message.error((e as Error).message);
          throw e;
        }
      },
    });
  };
  const approve = async (e: Expense) => {
    try {
      await post(`/api/funding/expenses/${e.id}/decision`, { decision: 'approved', reason: '' });
      message.success(t('saved'));
      await refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <>
      <h1 className="pioneer-page-title">{t('expensesTitle')}</h1>
      <Typography.Paragraph type="secondary">{t('expensesHint')}</Typography.Paragraph>
      <FilterBar
        list={list}
        fields={[
          {
            kind: 'select',
            key: 'year',
            label: t('year'),
            options: yearOptions().map((o) => ({ value: String(o.value), label: o.label })),
          },
          { kind: 'unit', key: 'unitId', label: t('unit') },
          { kind: 'select', key: 'category', label: t('category'), options: labels.categories },
          {
            kind: 'select',
            key: 'status',
            label: t('status'),
            options: [
              ...(['recorded', 'pending', 'approved', 'rejected'] as const).map((s) => ({
                value: s,
                label: labels.status(s),
              })),
              { value: 'reversed', label: t('statusReversed') },
            ],
          },
          { kind: 'text', key: 'q', label: t('search'), placeholder: t('searchHint') },
          { kind: 'dateRange', label: t('dateRange') },
        ]}
      />
      {expenses.isError && <Alert type="error" title={expenses.error.message} style={{ marginBottom: 12 }} />}
      <OfficeTable<Expense>
        rowKey="id"
        list={list}
        rows={expenses.data?.items}
        total={expenses.data?.total ?? 0}
        loading={expenses.isFetching}
        testId="funding-expenses"
        toolbar={
          <>
            <Button type="primary" onClick={() => setAdding(true)} data-testid="new-expense">
              {t('newExpense')}
            </Button>
            <ExportButton url="/api/funding/expenses.xlsx" list={list} />
          </>
        }
        expandable={{ expandedRowRender: (e) => <Receipts expense={e} onChange={refresh} /> }}
        columns={[
          { title: t('spentOn'), dataIndex: 'spentOn', sortKey: 'spentOn' },
          { title: t('unit'), dataIndex: 'unitName' },
          { title: t('category'), dataIndex: 'category', render: labels.category },
          {
            title: t('amount'),
            dataIndex: 'amountFen',
            sortKey: 'amountFen',
            align: 'right',
            render: (v: number) => <span style={{ color: v < 0 ? '#cf1322' : undefined }}>{yuan(v)}</span>,
          },
          { title: t('payee'), dataIndex: 'payee' },
          { title: t('description'), dataIndex: 'description', ellipsis: true, width: 220 },
          { title: t('link'), dataIndex: 'linkTitle', render: (v: string | null) => v ?? '—' },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: string, e) => (
              <Space size={4} wrap>
                {e.reversesId ? (
                  <Tag>{t('reversal', { id: e.reversesId })}</Tag>
                ) : (
                  <Tag color={STATUS_COLORS[s]}>{labels.status(s)}</Tag>
                )}
                {e.reversedById && <Tag color="red">{t('reversed')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('receipts'),
            key: 'receipts',
            align: 'right',
            render: (_, e) => (e.receipts.length ? <Tag icon={<PaperClipOutlined />}>{e.receipts.length}</Tag> : '—'),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, e) => (
              <Space size={4} wrap>
                {e.abilities.decide && (
                  <>
                    <Button size="small" type="primary" onClick={() => approve(e)} data-testid={`approve-${e.id}`}>
                      {t('approve')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() =>
                        withReason(t('reject'), t('rejectReason'), (reason) =>
                          post(`/api/funding/expenses/${e.id}/decision`, { decision: 'rejected', reason }),
                        )
                      }
                    >
                      {t('reject')}
                    </Button>
                  </>
                )}
                {e.abilities.reverse && (
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      withReason(`${t('reverse')} · ${yuan(e.amountFen)}`, t('reverseReason'), (reason) =>
                        post(`/api/funding/expenses/${e.id}/reverse`, { reason }),
                      )
                    }
                  >
                    {t('reverse')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {adding && (
        <ExpenseDialog
          year={Number(list.filters.year) || thisYear()}
          onClose={() => setAdding(false)}
          onSaved={async () => {
            setAdding(false);
            message.success(t('saved'));
            await refresh();
          }}
        />
      )}
    </>
  );
}

/** An expense's receipts: open each (image or PDF) in a new tab; upload another when allowed. */
function Receipts({ expense, onChange }: { expense: Expense; onChange(): void }) {
  const t = useMessages(fundingMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`receipts-${expense.id}`}>
      <Typography.Text type="secondary">
        {expense.unitPathNames}
        {expense.decidedByName &&
          ` · ${t('decided')}：${expense.decidedByName}${expense.decisionReason ? `（${expense.decisionReason}）` : ''}`}
        {expense.reason && ` · ${expense.reason}`}
      </Typography.Text>
      <List
        size="small"
        locale={{ emptyText: t('noReceipts') }}
        dataSource={expense.receipts}
        renderItem={(r) => (
          <List.Item>
            <a href={`/api/funding/receipts/${r.id}`} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {r.fileName}
            </a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {(r.bytes / 1024).toFixed(1)} KB · sha256 {r.sha256.slice(0, 12)}…
            </Typography.Text>
          </List.Item>
        )}
      />
      {expense.abilities.addReceipt && (
        <Upload
          accept="image/jpeg,image/png,image/webp,application/pdf"
          showUploadList={false}
          customRequest={async ({ file }) => {
            setBusy(true);
            try {
              const body = new FormData();
              body.append('file', file as Blob);
              await post(`/api/funding/expenses/${expense.id}/receipts`, body);
              message.success(t('uploaded'));
              onChange();
            } catch (e) {
              message.error((e as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid={`upload-${expense.id}`}>
            {t('upload')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
