import { DEMAND_AUDIENCES } from '@pioneer/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../../api';
import { showServerErrors } from '../../forms';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { useCategories } from './demands-api';
import { useDemandLabels } from './labels';
import { demandMessages } from './messages';

const messages = defineMessages(
  {
    title: '提交服务需求',
    forWhom: '为谁提交',
    self: '我自己的需求',
    officer: '代他人登记（职能部门受理）',
    visit: '三联走访中发现的问题',
    audience: '需求类型',
    requesterName: '需求人姓名',
    requesterPhone: '需求人手机（选填）',
    requesterAddress: '需求人地址（不公开，选填）',
    created: '已提交，查询码 {code}',
  },
  {
    title: 'File a service need',
    forWhom: 'For whom',
    self: 'My own need',
    officer: 'On someone’s behalf (office intake)',
    visit: 'Found during a contact visit',
    audience: 'Type',
    requesterName: 'Requester name',
    requesterPhone: 'Requester mobile (optional)',
    requesterAddress: 'Requester address (private, optional)',
    created: 'Filed, tracking code {code}',
  },
);
interface Values {
  mode: 'self' | 'officer' | 'contact_visit';
  title: string;
  description: string;
  categoryId?: number;
  campus?: string;
  location?: string;
  neededOn?: Dayjs;
  audience?: string;
  requesterName?: string;
  requesterPhone?: string;
  requesterAddress?: string;
}
const FIELDS = [
  'title',
  'description',
  'categoryId',
  'campus',
  'location',
  'neededOn',
  'onBehalf.requesterName',
  'onBehalf.requesterPhone',
];

/** /demands/new: a signed-in person files their own need; offices and secretaries may file for someone else. */
export default function NewDemandPage() {
  const t = useMessages(messages);
  const m = useMessages(demandMessages);
  const labels = useDemandLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const categories = useCategories();
  const mode = Form.useWatch('mode', form) ?? 'self';
  const canOffice = ['demand.triage.staff', 'demand.triage.student', 'demand.triage.society'].some((p) =>
    hasPermission(me, p),
  );
  const canVisit = hasPermission(me, 'demand.intake');
  const submit = useMutation({
    mutationFn: (v: Values) =>
      post<{ id: number; trackingCode: string }>('/api/demands', {
        title: v.title,
        description: v.description,
        categoryId: v.categoryId ?? null,
        campus: v.campus ?? '',
        location: v.location ?? '',
        neededOn: v.neededOn ? v.neededOn.format('YYYY-MM-DD') : null,
        // The "for whom" choice is shown only to offices and secretaries: for everyone else the field is not
        // on the form and its value is absent, which means "my own need".
        onBehalf:
          (v.mode ?? 'self') === 'self'
            ? null
            : {
                channel: v.mode,
                audience: v.audience ?? 'society',
                requesterName: v.requesterName,
                requesterPhone: v.requesterPhone || null,
                requesterAddress: v.requesterAddress ?? '',
              },
      }),
    onSuccess: (res) => {
      message.success(t('created', { code: res.trackingCode }));
      navigate(`/demands/${res.id}`);
    },
    onError: (err) => setError(showServerErrors(form, err, FIELDS)),
  });
  const required = [{ required: true, message: m('required') }];
  return (
    <Card title={t('title')} style={{ maxWidth: 640 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'self', audience: 'society' }}
        onFinish={(v) => submit.mutate(v)}
      >
        {(canOffice || canVisit) && (
          <Form.Item name="mode" label={t('forWhom')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'self', label: t('self') },
                ...(canOffice ? [{ value: 'officer', label: t('officer') }] : []),
                ...(canVisit ? [{ value: 'contact_visit', label: t('visit') }] : []),
              ]}
            />
          </Form.Item>
        )}
        {mode !== 'self' && (
          <>
            <Form.Item name="audience" label={t('audience')} rules={required}>
              <Select options={DEMAND_AUDIENCES.map((a) => ({ value: a, label: labels.audience(a) }))} />
            </Form.Item>
            <Form.Item name="requesterName" label={t('requesterName')} rules={required}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="requesterPhone" label={t('requesterPhone')}>
              <Input maxLength={11} inputMode="tel" />
            </Form.Item>
            <Form.Item name="requesterAddress" label={t('requesterAddress')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="title" label={m('title')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={m('description')} rules={required}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="categoryId" label={`${m('category')}（${m('optional')}）`}>
          <Select
            allowClear
            options={(categories.data?.items ?? [])
              .filter((c) => c.active)
              .map((c) => ({ value: c.id, label: `${c.group} · ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="location" label={`${m('location')}（${m('optional')}）`}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="neededOn" label={`${m('neededOn')}（${m('optional')}）`}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          {m('submit')}
        </Button>
      </Form>
    </Card>
  );
}
