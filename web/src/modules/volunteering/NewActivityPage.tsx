import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { SERVICE_CATEGORIES } from '@pioneer/domain';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { post } from '../../api';
import { DateTimeInput } from '../../DateInputs';
import { useMessages } from '../../i18n';
import { unitOptions, useSession } from '../../session';
import { useFormSave } from './FormDialog';
import { useVolLabels } from './labels';
import { volAdminMessages } from './messages-admin';

const LOCAL = 'YYYY-MM-DDTHH:mm';
const toIso = (local: string) => dayjs(local).format();
const FIELDS = [
  'title',
  'category',
  'unitId',
  'place',
  'description',
  'signupOpensAt',
  'signupClosesAt',
  'requiredSkill',
  'shifts',
];

interface Values {
  title: string;
  category: string;
  unitId: number;
  place: string;
  description: string;
  membersOnly: boolean;
  requiredSkill: string;
  signupOpensAt: string;
  signupClosesAt: string;
  shifts: { post: string; startsAt: string; endsAt: string; capacity: number }[];
}

/** /volunteer/activities/new — an organizer publishes an activity with its posts/shifts and seats. */
export default function NewActivityPage() {
  const t = useMessages(volAdminMessages);
  const labels = useVolLabels();
  const { me, currentUnit } = useSession();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const tomorrow = dayjs().add(1, 'day').hour(9).minute(0);
  const create = useFormSave({
    form,
    fields: FIELDS,
    mutationFn: (v: Values) =>
      post<{ id: number }>('/api/volunteer/activities', {
        ...v,
        requiredSkill: v.requiredSkill?.trim() || null,
        signupOpensAt: toIso(v.signupOpensAt),
        signupClosesAt: toIso(v.signupClosesAt),
        shifts: v.shifts.map((s) => ({ ...s, startsAt: toIso(s.startsAt), endsAt: toIso(s.endsAt) })),
      }),
    onSaved: (r) => navigate(`/volunteer/activities/${r.id}`),
  });
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('newActivity')}</h1>
      {create.error && <Alert type="error" showIcon message={create.error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={create.onSubmit}
        initialValues={{
          category: 'community',
          unitId: currentUnit?.id,
          membersOnly: false,
          description: '',
          signupOpensAt: dayjs().format(LOCAL),
          signupClosesAt: tomorrow.subtract(1, 'hour').format(LOCAL),
          shifts: [
            {
              post: t('defaultPost'),
              startsAt: tomorrow.format(LOCAL),
              endsAt: tomorrow.add(2, 'hour').format(LOCAL),
              capacity: 10,
            },
          ],
        }}
      >
        <Form.Item name="title" label={t('title')} rules={[{ required: true, message: t('titleRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="category" label={t('category')} extra={t('categoryHint')}>
          <Select options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('unit')} rules={[{ required: true, message: t('unitRequired') }]}>
          <Select options={unitOptions(me).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="place" label={t('place')} rules={[{ required: true, message: t('placeRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="membersOnly" label={t('membersOnly')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="requiredSkill" label={t('requiredSkill')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="signupOpensAt" label={t('signupOpensAt')}>
          <DateTimeInput />
        </Form.Item>
        <Form.Item name="signupClosesAt" label={t('signupClosesAt')}>
          <DateTimeInput />
        </Form.Item>
        <Form.List name="shifts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={t('postN', { n: i + 1 })}
                  style={{ marginBottom: 8 }}
                  extra={
                    fields.length > 1 && (
                      <MinusCircleOutlined aria-label={t('removePost')} onClick={() => remove(f.name)} />
                    )
                  }
                >
                  <Form.Item
                    name={[f.name, 'post']}
                    label={t('postName')}
                    rules={[{ required: true, message: t('postNameRequired') }]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'startsAt']} label={t('startsAt')}>
                    <DateTimeInput />
                  </Form.Item>
                  <Form.Item name={[f.name, 'endsAt']} label={t('endsAt')}>
                    <DateTimeInput />
                  </Form.Item>
                  <Form.Item name={[f.name, 'capacity']} label={t('capacity')}>
                    <InputNumber min={1} max={10000} style={{ width: '100%' }} />
                  </Form.Item>
                </Card>
              ))}
              <Button
                block
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    post: '',
                    startsAt: tomorrow.format(LOCAL),
                    endsAt: tomorrow.add(2, 'hour').format(LOCAL),
                    capacity: 10,
                  })
                }
              >
                {t('addPost')}
              </Button>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" block loading={create.saving} style={{ marginTop: 16 }}>
          {t('publish')}
        </Button>
      </Form>
    </div>
  );
}
