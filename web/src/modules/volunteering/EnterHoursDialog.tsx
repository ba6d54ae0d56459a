import { HOUR_CATEGORIES, isServiceCategory } from '@pioneer/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api';
import { useMessages } from '../../i18n';
import { unitOptions, useSession } from '../../session';
import { FormDialog, useFormSave } from './FormDialog';
import { useVolLabels } from './labels';
import { reviewMessages } from './messages-review';
import { toIso } from './vol-admin';

interface Values {
  personId: number;
  unitId: number;
  category: string;
  source: 'activity' | 'service_need' | 'venue_duty';
  sourceId?: number;
  activityId?: number;
  serviceStart: string;
  serviceEnd: string;
  minutes: number;
  description: string;
}
const FIELDS = [
  'personId',
  'unitId',
  'category',
  'source',
  'sourceId',
  'activityId',
  'serviceStart',
  'serviceEnd',
  'minutes',
  'description',
];

/**
 * 手工录入服务时长 (POST /api/volunteer/ledger). A credit that raises a flag (entered late, more minutes than the
 * service lasted…) is pending until a reviewer above the officer accepts it.
 */
export function EnterHoursDialog({ onClose }: { onClose(): void }) {
  const t = useMessages(reviewMessages);
  const labels = useVolLabels();
  const { me, currentUnit } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const source = Form.useWatch('source', form);
  const volunteers = useQuery({
    queryKey: ['vol-volunteers', q],
    queryFn: () =>
      get<{ items: { personId: number; name: string; volunteerNo: string; unitName: string }[] }>(
        `/api/volunteer/volunteers?pageSize=50${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      ),
  });
  const save = useFormSave({
    form,
    fields: FIELDS,
    mutationFn: (v: Values) =>
      post('/api/volunteer/ledger', {
        ...v,
        sourceId: v.source === 'activity' ? null : (v.sourceId ?? null),
        activityId: v.source === 'activity' ? (v.activityId ?? null) : null,
        serviceStart: toIso(v.serviceStart),
        serviceEnd: toIso(v.serviceEnd),
      }),
    onSaved: () => {
      message.success(t('entered'));
      qc.invalidateQueries({ queryKey: ['vol-ledger'] });
      qc.invalidateQueries({ queryKey: ['vol-review'] });
      onClose();
    },
  });
  return (
    <FormDialog
      title={t('enterHoursTitle')}
      okText={t('save')}
      form={form}
      name="enter-hours"
      initialValues={{ unitId: currentUnit?.id, category: 'community', source: 'service_need' }}
      save={save}
      onClose={onClose}
    >
      <Form.Item name="personId" label={t('volunteer')} rules={[{ required: true }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          options={(volunteers.data?.items ?? []).map((v) => ({
            value: v.personId,
            label: `${v.name}（${v.volunteerNo}，${v.unitName}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('unit')} rules={[{ required: true }]}>
        <Select options={unitOptions(me).map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="category" label={t('category')}>
        <Select
          options={HOUR_CATEGORIES.filter(isServiceCategory).map((c) => ({ value: c, label: labels.category(c) }))}
        />
      </Form.Item>
      <Form.Item name="source" label={t('source')}>
        <Select
          options={(['service_need', 'venue_duty', 'activity'] as const).map((s) => ({
            value: s,
            label: labels.ledgerSource(s),
          }))}
        />
      </Form.Item>
      {source === 'activity' ? (
        <Form.Item name="activityId" label={t('activity')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item name="sourceId" label={t('sourceId')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="serviceStart" label={t('serviceStart')} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="serviceEnd" label={t('serviceEnd')} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="minutes" label={t('minutes')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1440} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
