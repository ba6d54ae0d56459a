import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd/es/button';
import { useEffect, useState } from 'react';
import { get, post } from '../../api';
import { DateInput } from '../../DateInputs';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import type { Overview, Rule } from './funding-api';
import { yuan } from './funding-api';
import { useFundingLabels } from './labels';
import { fundingMessages } from './messages';

interface ExpenseForm {
  unitId: number;
  category: string;
  spentOn: string;
  amountYuan: number;
  payee: string;
  description: string;
  activityId?: number | null;
  demandId?: number | null;
}
const FIELDS = ['unitId', 'category', 'spentOn', 'payee', 'description', 'activityId', 'demandId'];

/** 登记支出: the units offered are those whose books the person keeps (abilities from the server). */
export function ExpenseDialog({ year, onClose, onSaved }: { year: number; onClose(): void; onSaved(): void }) {
  const t = useMessages(fundingMessages);
  const labels = useFundingLabels();
  const [form] = Form.useForm<ExpenseForm>();
  const [error, setError] = useState<string | null>(null);
  const overview = useQuery({
    queryKey: ['funding-overview', `year=${year}`],
    queryFn: () => get<Overview>(`/api/funding/overview?year=${year}`),
  });
  const rule = useQuery({
    queryKey: ['funding-rule', year],
    queryFn: () => get<{ rule: Rule | null }>(`/api/funding/rules/${year}`),
  });
  const units = (overview.data?.items ?? []).filter((u) => u.abilities.recordExpense);
  const today = new Date().toISOString().slice(0, 10);
  // The units arrive after the dialog opens: preselect the first one then.
  const firstUnit = units[0]?.id;
  useEffect(() => {
    if (firstUnit && !form.getFieldValue('unitId')) form.setFieldValue('unitId', firstUnit);
  }, [firstUnit, form]);
  const save = useMutation({
    mutationFn: (v: ExpenseForm) =>
      post('/api/funding/expenses', {
        unitId: v.unitId,
        category: v.category,
        spentOn: v.spentOn,
        amountFen: Math.round(v.amountYuan * 100),
        payee: v.payee ?? '',
        description: v.description ?? '',
        activityId: v.activityId ?? null,
        demandId: v.demandId ?? null,
      }),
    onSuccess: onSaved,
    onError: (e) => setError(showServerErrors(form, e, FIELDS)),
  });
  const threshold = rule.data?.rule?.approvalThresholdFen;
  return (
    <Modal
      open
      title={t('newExpense')}
      okText={t('save')}
      cancelText={t('cancel')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      width="min(520px, calc(100vw - 24px))"
      okButtonProps={{ 'data-testid': 'expense-ok' } as ButtonProps}
    >
      {threshold !== undefined && (
        <Alert
          type="info"
          showIcon
          title={t('needsApprovalNote', { amount: yuan(threshold) })}
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="expense-error" />}
      <Form<ExpenseForm>
        form={form}
        layout="vertical"
        name="expense"
        initialValues={{
          category: 'activity',
          spentOn: String(year) === today.slice(0, 4) ? today : `${year}-12-31`,
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="unitId" label={t('unit')} rules={[{ required: true }]}>
          <Select
            loading={overview.isLoading}
            options={units.map((u) => ({ value: u.id, label: `${u.name}（${t('balance')} ${yuan(u.balanceFen)}）` }))}
            data-testid="expense-unit"
          />
        </Form.Item>
        <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
          <Select options={labels.categories} />
        </Form.Item>
        <Form.Item name="spentOn" label={t('spentOn')} rules={[{ required: true }]}>
          <DateInput style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('amountYuan')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="expense-amount" />
        </Form.Item>
        <Form.Item name="payee" label={t('payee')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="expense-payee" />
        </Form.Item>
        <Form.Item name="description" label={t('description')} rules={[{ required: true }]}>
          <Input.TextArea maxLength={500} rows={2} data-testid="expense-description" />
        </Form.Item>
        <Form.Item name="activityId" label={t('activityId')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="demandId" label={t('demandId')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
