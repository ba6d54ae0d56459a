import { AVAILABILITY, SERVICE_CATEGORIES } from '@pioneer/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, message, Select, Spin, Switch, Typography } from 'antd';
import { get, post, put } from '../../api';
import { useMessages } from '../../i18n';
import { useFormSave } from './FormDialog';
import { useVolLabels } from './labels';
import { volMessages } from './messages';

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
  const t = useMessages(volMessages);
  const labels = useVolLabels();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const me = useQuery({ queryKey: ['vol-me'], queryFn: () => get<MeVolunteer>('/api/volunteer/me') });
  const save = useFormSave({
    form,
    fields: FIELDS,
    mutationFn: (v: Record<string, unknown>) =>
      me.data?.registration ? put('/api/volunteer/registration', v) : post('/api/volunteer/registration', v),
    onSaved: () => {
      message.success(t('saved'));
      qc.invalidateQueries({ queryKey: ['vol-me'] });
    },
  });
  if (me.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  const reg = me.data?.registration;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('registration')}</h1>
      {reg ? (
        <Alert
          type="success"
          showIcon
          message={<span data-testid="volunteer-no">{t('volunteerNo', { no: reg.volunteerNo })}</span>}
          description={t('volunteerNoPrivacy')}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Typography.Paragraph>{t('registrationIntro')}</Typography.Paragraph>
      )}
      {save.error && <Alert type="error" showIcon message={save.error} style={{ marginBottom: 12 }} />}
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
          onFinish={save.onSubmit}
        >
          <Form.Item name="skills" label={t('skills')}>
            <Select mode="tags" placeholder={t('skillsPlaceholder')} />
          </Form.Item>
          <Form.Item name="availability" label={t('availability')}>
            <Checkbox.Group options={AVAILABILITY.map((a) => ({ value: a, label: labels.availability(a) }))} />
          </Form.Item>
          <Form.Item name="serviceAreas" label={t('serviceAreas')}>
            <Checkbox.Group options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} />
          </Form.Item>
          <Form.Item name="insured" label={t('insured')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={save.saving}>
            {reg ? t('saveChanges') : t('register')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
