import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, message, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../api';
import { DateInput } from '../../DateInputs';
import { useMessages } from '../../i18n';
import { unitOptions, useSession } from '../../session';
import { AffectedCertificates, CertificatePreview } from './CertificateReview';
import { CertificateCard } from './CertificatesPage';
import { useFormSave } from './FormDialog';
import { volAdminMessages } from './messages-admin';
import type { Certificate } from './vol-api';

interface Volunteer {
  personId: number;
  name: string;
  volunteerNo: string;
  unitName: string;
}
const FIELDS = ['personId', 'unitId', 'from', 'to', 'responsibleName'];

/** /volunteer/certificates/issue — the recording unit issues a certificate; below it, the issuance register. */
export default function IssuePage() {
  const t = useMessages(volAdminMessages);
  const { me, currentUnit } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  // What the certificate would count now, pending hours left out (shown as the officer fills the form).
  const watched = {
    personId: Form.useWatch('personId', form) as number | undefined,
    unitId: Form.useWatch('unitId', form) as number | undefined,
    from: Form.useWatch('from', form) as string | undefined,
    to: Form.useWatch('to', form) as string | undefined,
  };
  const volunteers = useQuery({
    queryKey: ['vol-volunteers', q],
    queryFn: () =>
      get<{ items: Volunteer[] }>(`/api/volunteer/volunteers?pageSize=50${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  });
  const register = useQuery({
    queryKey: ['vol-register'],
    queryFn: () => get<{ items: Certificate[] }>('/api/volunteer/certificates'),
  });
  const issue = useFormSave({
    form,
    fields: FIELDS,
    mutationFn: (v: Record<string, unknown>) =>
      post<{ serial: string }>('/api/volunteer/certificates', {
        ...v,
        responsibleName: v.responsibleName || undefined,
      }),
    onSaved: (r) => {
      message.success(t('issued', { serial: r.serial }));
      qc.invalidateQueries({ queryKey: ['vol-register'] });
    },
  });
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('issueTitle')}</h1>
      {issue.error && <Alert type="error" showIcon message={issue.error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ unitId: currentUnit?.id, from: `${dayjs().year()}-01-01`, to: dayjs().format('YYYY-MM-DD') }}
          onFinish={issue.onSubmit}
        >
          <Form.Item
            name="personId"
            label={t('volunteer')}
            rules={[{ required: true, message: t('volunteerRequired') }]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              placeholder={t('volunteerSearch')}
              options={(volunteers.data?.items ?? []).map((v) => ({
                value: v.personId,
                label: t('volunteerOption', { name: v.name, no: v.volunteerNo, unit: v.unitName }),
              }))}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('issuingUnit')}>
            <Select options={unitOptions(me).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="from" label={t('from')}>
              <DateInput />
            </Form.Item>
            <Form.Item name="to" label={t('to')}>
              <DateInput />
            </Form.Item>
          </Space>
          <CertificatePreview {...watched} />
          <Form.Item name="responsibleName" label={t('responsible')}>
            <Input maxLength={50} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={issue.saving} block>
            {t('issue')}
          </Button>
        </Form>
      </Card>
      <AffectedCertificates />
      <h2 style={{ fontSize: 16 }}>{t('issueRegister')}</h2>
      <Space direction="vertical" style={{ width: '100%' }}>
        {register.data?.items.map((c) => (
          <CertificateCard key={c.id} c={c} />
        ))}
      </Space>
    </div>
  );
}
