import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd/es/button';
import { useState } from 'react';
import { get, post } from '../../api';
import { OfficeTable } from '../../components/OfficeTable';
import { DateInput } from '../../DateInputs';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import { type Allocation, type Overview, type UnitFunds, yuan } from './funding-api';
import { useFundingLabels } from './labels';
import { fundingMessages } from './messages';
import { useYearUnit, YearUnitBar } from './YearUnitBar';

/** /funding/allocations: each level passes money to its direct children (重心下移); reversals, never edits. */
export function AllocationsPage() {
  const t = useMessages(fundingMessages);
  const labels = useFundingLabels();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const state = useYearUnit();
  const q = `year=${state.year}${state.unitId ? `&unitId=${state.unitId}` : ''}`;
  const overview = useQuery({
    queryKey: ['funding-overview', q],
    queryFn: () => get<Overview>(`/api/funding/overview?${q}`),
  });
  const allocations = useQuery({
    queryKey: ['funding-allocations', q],
    queryFn: () => get<{ items: Allocation[] }>(`/api/funding/allocations?${q}`),
  });
  const [target, setTarget] = useState<UnitFunds | null>(null);
  const refresh = () => client.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('funding') });

  const reverse = (a: Allocation) => {
    let reason = '';
    modal.confirm({
      title: `${t('reverse')} · ${a.toName} ${yuan(a.amountFen)}`,
      content: (
        <Input.TextArea
          aria-label={t('reverseReason')}
          placeholder={t('reverseReason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      okText: t('reverse'),
      cancelText: t('cancel'),
      onOk: async () => {
        try {
          await post(`/api/funding/allocations/${a.id}/reverse`, { reason });
          message.success(t('saved'));
          await refresh();
        } catch (e) {
          message.error((e as Error).message);
          throw e;
        }
      },
    });
  };

  return (
    <>
      <h1 className="pioneer-page-title">{t('allocationsTitle')}</h1>
      <Typography.Paragraph type="secondary">{t('allocationsHint')}</Typography.Paragraph>
      <YearUnitBar state={state} />
      {overview.isError && <Alert type="error" title={overview.error.message} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <OfficeTable<UnitFunds>
          rowKey="id"
          rows={overview.data?.items}
          loading={overview.isFetching}
          testId="funding-tree"
          columns={[
            {
              title: t('unit'),
              dataIndex: 'name',
              render: (name: string, u) => (
                <span style={{ paddingLeft: (u.depth - (overview.data?.items[0]?.depth ?? 0)) * 16 }}>{name}</span>
              ),
            },
            {
              title: t('minimum'),
              dataIndex: 'minimumFen',
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : yuan(v)),
            },
            {
              title: t('received'),
              dataIndex: 'receivedFen',
              align: 'right',
              render: yuan,
              compare: (a, b) => a.receivedFen - b.receivedFen,
            },
            { title: t('allocated'), dataIndex: 'allocatedFen', align: 'right', render: yuan },
            {
              title: t('balance'),
              dataIndex: 'balanceFen',
              align: 'right',
              render: yuan,
              compare: (a, b) => a.balanceFen - b.balanceFen,
            },
            {
              title: t('shortfall'),
              dataIndex: 'shortfallFen',
              align: 'right',
              render: (v: number | null) => (v ? <Typography.Text type="danger">{yuan(v)}</Typography.Text> : '—'),
            },
            {
              title: t('actions'),
              key: 'actions',
              render: (_, u) =>
                u.abilities.allocate && (
                  <Button size="small" type="primary" onClick={() => setTarget(u)} data-testid={`allocate-${u.id}`}>
                    {t('allocate')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small">
        <OfficeTable<Allocation>
          rowKey="id"
          rows={allocations.data?.items}
          loading={allocations.isFetching}
          testId="funding-allocations"
          columns={[
            {
              title: t('allocatedOn'),
              dataIndex: 'allocatedOn',
              compare: (a, b) => a.allocatedOn.localeCompare(b.allocatedOn),
            },
            { title: t('from'), dataIndex: 'fromName', render: (v: string | null) => v ?? t('schoolBudget') },
            { title: t('to'), dataIndex: 'toName' },
            { title: t('purpose'), dataIndex: 'purpose', render: labels.purpose },
            {
              title: t('amount'),
              dataIndex: 'amountFen',
              align: 'right',
              render: yuan,
              compare: (a, b) => a.amountFen - b.amountFen,
            },
            {
              title: t('note'),
              dataIndex: 'note',
              render: (note: string, a) => (
                <Space size={4} wrap>
                  {a.reversesId && <Tag>{t('reversal', { id: a.reversesId })}</Tag>}
                  {a.reversedById && <Tag color="red">{t('reversed')}</Tag>}
                  {note}
                </Space>
              ),
            },
            { title: t('recordedBy'), dataIndex: 'recordedByName' },
            {
              title: t('actions'),
              key: 'actions',
              render: (_, a) =>
                a.abilities.reverse && (
                  <Button size="small" danger onClick={() => reverse(a)}>
                    {t('reverse')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {target && (
        <AllocateDialog
          unit={target}
          year={state.year}
          onClose={() => setTarget(null)}
          onSaved={async () => {
            setTarget(null);
            message.success(t('saved'));
            await refresh();
          }}
        />
      )}
    </>
  );
}

interface AllocateForm {
  amountYuan: number;
  purpose: 'standard' | 'special';
  allocatedOn: string;
  note: string;
}

function AllocateDialog({
  unit,
  year,
  onClose,
  onSaved,
}: {
  unit: UnitFunds;
  year: number;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useMessages(fundingMessages);
  const labels = useFundingLabels();
  const [form] = Form.useForm<AllocateForm>();
  const [error, setError] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const save = useMutation({
    mutationFn: (v: AllocateForm) =>
      post('/api/funding/allocations', {
        toUnitId: unit.id,
        amountFen: Math.round(v.amountYuan * 100),
        purpose: v.purpose,
        allocatedOn: v.allocatedOn,
        note: v.note ?? '',
      }),
    onSuccess: onSaved,
    onError: (e) => setError(showServerErrors(form, e, ['allocatedOn', 'note', 'purpose'])),
  });
  return (
    <Modal
      open
      title={t('allocateTo', { unit: unit.name })}
      okText={t('allocate')}
      cancelText={t('cancel')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      width="min(480px, calc(100vw - 24px))"
      okButtonProps={{ 'data-testid': 'allocate-ok' } as ButtonProps}
    >
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form<AllocateForm>
        form={form}
        layout="vertical"
        initialValues={{
          purpose: 'standard',
          allocatedOn: String(year) === today.slice(0, 4) ? today : `${year}-12-31`,
          amountYuan: unit.shortfallFen ? unit.shortfallFen / 100 : undefined,
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="amountYuan" label={t('amountYuan')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="allocate-amount" />
        </Form.Item>
        <Form.Item name="purpose" label={t('purpose')}>
          <Select options={(['standard', 'special'] as const).map((p) => ({ value: p, label: labels.purpose(p) }))} />
        </Form.Item>
        <Form.Item name="allocatedOn" label={t('allocatedOn')} rules={[{ required: true }]}>
          <DateInput style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
