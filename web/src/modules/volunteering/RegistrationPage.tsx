import { AVAILABILITY, AVAILABILITY_LABELS, SERVICE_CATEGORIES } from '@pioneer/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, message, Select, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { get, post, put } from '../../api';
import { showServerErrors } from '../../forms';
import { categoryLabel } from './vol-api';

interface MeVolunteer {
  registration: {
    volunteerNo: string;
    skills: string[];
    availability: string[];
    serviceAreas: string[];
    insured: boolean;
    registeredAt: string;
  } | null;
  person: { name: string; skills: string[]; unitName: string };
}
const FIELDS = ['skills', 'availability', 'serviceAreas', 'insured'];

/** /volunteer/registration — 志愿服务注册: skills, availability, service areas, insurance; the volunteer number. */
export default function RegistrationPage() {
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const me = useQuery({ queryKey: ['vol-me'], queryFn: () => get<MeVolunteer>('/api/volunteer/me') });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      me.data?.registration ? put('/api/volunteer/registration', v) : post('/api/volunteer/registration', v),
    onSuccess: () => {
      message.success('已保存');
      qc.invalidateQueries({ queryKey: ['vol-me'] });
    },
    onError: (err) => setError(showServerErrors(form, err, FIELDS)),
  });
  if (me.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  const reg = me.data?.registration;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">志愿者注册</h1>
      {reg ? (
        <Alert
          type="success"
          showIcon
          message={<span data-testid="volunteer-no">志愿者编号：{reg.volunteerNo}</span>}
          description="公开场合（证明、核验页）只使用志愿者编号，不显示身份证号。"
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Typography.Paragraph>注册后即可报名志愿活动、累计服务时长并申请志愿服务证明。</Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            skills: reg?.skills ?? me.data?.person.skills ?? [],
            availability: reg?.availability ?? [],
            serviceAreas: reg?.serviceAreas ?? [],
            insured: reg?.insured ?? false,
          }}
          onFinish={(v) => {
            setError(null);
            save.mutate(v);
          }}
        >
          <Form.Item name="skills" label="技能特长">
            <Select mode="tags" placeholder="输入后回车" />
          </Form.Item>
          <Form.Item name="availability" label="可服务时间">
            <Checkbox.Group options={AVAILABILITY.map((a) => ({ value: a, label: AVAILABILITY_LABELS[a] }))} />
          </Form.Item>
          <Form.Item name="serviceAreas" label="服务领域">
            <Checkbox.Group options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))} />
          </Form.Item>
          <Form.Item name="insured" label="已购买志愿服务保险" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={save.isPending}>
            {reg ? '保存修改' : '注册为志愿者'}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
