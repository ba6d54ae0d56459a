import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd/es/button';
import type { ColumnType, SorterResult } from 'antd/es/table/interface';
import { type Key, type ReactNode, useState } from 'react';
import { useMessages } from '../i18n';
import { componentMessages } from './messages';
import type { ListParams } from './useListParams';

/**
 * A column of an office table. `sortKey` names the server-side sort (`?sort=<sortKey>&order=asc|desc`) for
 * paged lists; `compare` sorts in the browser for lists that arrive whole. Everything else is antd's column.
 */
export interface OfficeColumn<Row> extends Omit<ColumnType<Row>, 'sorter'> {
  sortKey?: string;
  compare?: (a: Row, b: Row) => number;
}

/** A batch action on the selected rows; `run` gets the selected rows and may throw (the message is shown). */
export interface BatchAction<Row> {
  key: string;
  label: string;
  danger?: boolean;
  /** Asked before running, e.g. `确定收回选中的 {n} 个角色？` ({n} is the count). */
  confirm?: string;
  /** Rows this action can apply to (e.g. by their `abilities`); others are skipped and counted. */
  applies?: (row: Row) => boolean;
  /** Asks for one value first (a reason, a date) in a dialog; `run` gets it as its second argument. */
  prompt?: { label: string; kind: 'text' | 'date'; required?: boolean };
  run(rows: Row[], value?: string): Promise<unknown>;
}

/**
 * The one table of every office list: sortable columns (server or browser), row selection with a batch
 * action bar, and paging kept in the address bar through `useListParams`.
 *
 *   <OfficeTable rowKey="id" list={list} rows={data.items} total={data.total} loading={q.isFetching}
 *     columns={[{ title: '姓名', dataIndex: 'name', sortKey: 'name' }, …]}
 *     batch={[{ key: 'end', label: '收回', confirm: '确定收回 {n} 个角色？', run: (rows) => … }]}
 *     toolbar={<ExportButton url="/api/x.xlsx" list={list} />} />
 *
 * Without `total` the list is shown whole and paged in the browser (sort with `compare`).
 */
export function OfficeTable<Row extends object>({
  rowKey,
  list,
  rows,
  total,
  loading,
  columns,
  batch,
  toolbar,
  expandable,
  testId = 'office-table',
  scrollX = 'max-content',
}: {
  rowKey: keyof Row & string;
  list?: ListParams;
  rows: Row[] | undefined;
  total?: number;
  loading?: boolean;
  columns: OfficeColumn<Row>[];
  batch?: BatchAction<Row>[];
  toolbar?: ReactNode;
  expandable?: import('antd/es/table/interface').ExpandableConfig<Row>;
  testId?: string;
  scrollX?: number | string;
}) {
  const t = useMessages(componentMessages);
  const { message } = App.useApp();
  const [selected, setSelected] = useState<Key[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const remote = total !== undefined && list !== undefined;
  const data = rows ?? [];
  const selectedRows = data.filter((r) => selected.includes(r[rowKey] as Key));

  const antColumns: ColumnType<Row>[] = columns.map(({ sortKey, compare, ...c }) => ({
    ...c,
    key: c.key ?? sortKey ?? (typeof c.dataIndex === 'string' ? c.dataIndex : undefined),
    sorter: remote ? Boolean(sortKey) : compare,
    sortOrder: remote && sortKey && list?.sort === sortKey ? (list.order === 'asc' ? 'ascend' : 'descend') : undefined,
    showSorterTooltip: false,
  }));

  const [asking, setAsking] = useState<BatchAction<Row> | null>(null);
  const [answer, setAnswer] = useState('');

  const runBatch = async (action: BatchAction<Row>, value?: string) => {
    const targets = action.applies ? selectedRows.filter(action.applies) : selectedRows;
    const skipped = selectedRows.length - targets.length;
    if (targets.length === 0) {
      message.warning(t('noneApplies'));
      return;
    }
    setBusy(action.key);
    try {
      const said = await action.run(targets, value);
      message.success(
        `${typeof said === 'string' && said ? said : t('done', { action: action.label, n: targets.length })}${skipped ? t('skipped', { n: skipped }) : ''}`,
      );
      setSelected([]);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {(toolbar || batch?.length) && (
        <Space wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap data-testid={`${testId}-batch`}>
            {batch?.length ? (
              <Typography.Text type="secondary">
                {selected.length ? t('selected', { n: selected.length }) : t('selectHint')}
              </Typography.Text>
            ) : null}
            {batch?.map((a) => {
              const button = (
                <Button
                  key={a.key}
                  danger={a.danger}
                  disabled={selected.length === 0}
                  loading={busy === a.key}
                  onClick={
                    a.confirm
                      ? undefined
                      : a.prompt
                        ? () => {
                            setAnswer('');
                            setAsking(a);
                          }
                        : () => runBatch(a)
                  }
                  data-testid={`batch-${a.key}`}
                >
                  {a.label}
                </Button>
              );
              return a.confirm ? (
                <Popconfirm
                  key={a.key}
                  title={a.confirm.replace('{n}', String(selected.length))}
                  okText={t('ok')}
                  cancelText={t('cancel')}
                  onConfirm={() => runBatch(a)}
                  disabled={selected.length === 0}
                >
                  {button}
                </Popconfirm>
              ) : (
                button
              );
            })}
          </Space>
          <Space wrap>{toolbar}</Space>
        </Space>
      )}
      <Modal
        open={asking !== null}
        title={asking ? t('promptTitle', { action: asking.label, n: selected.length }) : ''}
        okText={t('ok')}
        cancelText={t('cancel')}
        okButtonProps={
          {
            disabled: Boolean(asking?.prompt?.required && !answer.trim()),
            'data-testid': 'batch-ok',
          } as ButtonProps
        }
        onCancel={() => setAsking(null)}
        onOk={() => {
          const action = asking!;
          setAsking(null);
          void runBatch(action, answer.trim());
        }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={asking?.prompt?.label} required={asking?.prompt?.required}>
            {asking?.prompt?.kind === 'date' ? (
              <DatePicker
                style={{ width: '100%' }}
                onChange={(d) => setAnswer(d ? d.format('YYYY-MM-DD') : '')}
                data-testid="batch-date"
              />
            ) : (
              <Input.TextArea
                rows={3}
                maxLength={500}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
                data-testid="batch-text"
              />
            )}
          </Form.Item>
        </Form>
      </Modal>
      <Table<Row>
        rowKey={rowKey}
        size="small"
        loading={loading}
        dataSource={data}
        columns={antColumns}
        scroll={{ x: scrollX }}
        expandable={expandable}
        data-testid={testId}
        rowSelection={
          batch?.length
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys), preserveSelectedRowKeys: false }
            : undefined
        }
        pagination={
          remote
            ? {
                current: list.page,
                pageSize: list.pageSize,
                total,
                showSizeChanger: true,
                showTotal: (n) => t('total', { n }),
              }
            : { defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t('total', { n }) }
        }
        onChange={(pagination, _filters, sorter, extra) => {
          if (!remote) return;
          if (extra.action === 'paginate') {
            list.setPage(pagination.current ?? 1, pagination.pageSize ?? list.pageSize);
          } else if (extra.action === 'sort') {
            const s = sorter as SorterResult<Row>;
            const col = columns.find(
              (c) => (c.key ?? c.sortKey ?? c.dataIndex) === s.columnKey || c.sortKey === s.columnKey,
            );
            list.setSort(
              s.order ? (col?.sortKey ?? String(s.columnKey)) : undefined,
              s.order === 'ascend' ? 'asc' : s.order === 'descend' ? 'desc' : undefined,
            );
          }
        }}
      />
    </>
  );
}
