import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Result, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { post } from '../../api';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import { useCategories } from './demands-api';
import { demandMessages } from './messages';

interface Values {
  title: string;
  description: string;
  categoryId?: number;
  location: string;
  campus?: string;
  neededOn?: Dayjs;
  name: string;
  phone: string;
  address?: string;
}
const FIELDS = [
  'title',
  'description',
  'categoryId',
  'location',
  'campus',
  'neededOn',
  'name',
  'phone',
  'address',
] as const;

/** /board/new (public, phone first): a resident files a need without an account and gets a tracking code. */
export default function PublicFilePage() {
  const t = useMessages(demandMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<{ trackingCode: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const categories = useCategories(true);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      post<{ id: number; trackingCode: string }>('/api/public/demands', {
        ...v,
        categoryId: v.categoryId ?? null,
        campus: v.campus ?? '',
        address: v.address ?? '',
        neededOn: v.neededOn ? v.neededOn.format('YYYY-MM-DD') : null,
      }),
    onSuccess: (res) => {
      setDone(res);
      message.success(t('submitted'));
    },
    onError: (err) => setError(showServerErrors(form, err, FIELDS)),
  });

  if (done) {
    return (
      <Card style={{ maxWidth: 560, margin: '0 auto' }}>
        <Result
          status="success"
          title={t('submitted')}
          subTitle={t('keepCode')}
          extra={[
            <Typography.Title key="code" level={3} copyable data-testid="tracking-code" style={{ letterSpacing: 2 }}>
              {done.trackingCode}
            </Typography.Title>,
            <Link key="track" to={`/track/${done.trackingCode}`}>
              <Button type="primary">{t('openTracking')}</Button>
            </Link>,
          ]}
        />
      </Card>
    );
  }

  const required = [{ required: true, message: t('required') }];
  return (
    <Card style={{ maxWidth: 560, margin: '0 auto' }} title={t('fileNeed')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} requiredMark="optional">
        <Form.Item name="title" label={t('title')} rules={required}>
          <Input maxLength={100} placeholder={t('titleExample')} />
        </Form.Item>
        <Form.Item name="description" label={t('description')} rules={required}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('descriptionHint')} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('category')}>
          <Select
            allowClear
            options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.group} · ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="location" label={t('location')} rules={required} extra={t('locationHint')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="neededOn" label={t('neededOn')}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="name" label={t('contactName')} rules={required}>
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')} rules={required}>
          <Input maxLength={11} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="address" label={t('address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}
