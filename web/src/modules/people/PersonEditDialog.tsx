import { App, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import { usePeopleLabels, type Vocabulary } from './labels';
import { peopleMessages } from './messages';
import { type Profile, useUpdatePerson } from './people-api';

interface Props {
  person: Profile;
  open: boolean;
  onClose(): void;
}

type Values = Record<string, unknown>;
const EDITABLE = [
  'name',
  'gender',
  'kind',
  'staffNo',
  'idNumber',
  'phone',
  'politicalStatus',
  'cadreLevel',
  'fulltimePartyWorker',
  'skills',
  'specialty',
  'department',
  'major',
  'campus',
  'developmentStage',
] as const;
const NULLABLE = new Set(['idNumber', 'phone', 'major']);

/**
 * Edits a person (PUT /api/people/:id). Every field is sent, so the server sees the whole record as the form
 * shows it; numbers the viewer only sees masked cannot be edited and are left out.
 */
export function PersonEditDialog({ person, open, onClose }: Props) {
  const t = useMessages(peopleMessages);
  const labels = usePeopleLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePerson(person.id);

  const submit = async (values: Values) => {
    const body: Values = {};
    for (const key of EDITABLE) {
      if (person.masked && (key === 'phone' || key === 'idNumber')) continue;
      const v = values[key];
      body[key] = NULLABLE.has(key) && (v === '' || v === undefined) ? null : typeof v === 'string' ? v.trim() : v;
    }
    try {
      const result = await update.mutateAsync(body);
      message.success(result.changed.length ? t('saved') : t('unchanged'));
      onClose();
    } catch (err) {
      const rest = showServerErrors(form, err, EDITABLE);
      if (rest) message.error(rest);
    }
  };

  const select = (name: string, vocab: Vocabulary, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('required') }]}>
      <Select options={labels.options(vocab)} />
    </Form.Item>
  );
  const text = (name: string, label: string, opts: { required?: boolean; disabled?: boolean } = {}) => (
    <Form.Item
      name={name}
      label={label}
      rules={opts.required ? [{ required: true, whitespace: true, message: t('required') }] : []}
      extra={opts.disabled ? t('sensitiveLocked') : undefined}
    >
      <Input disabled={opts.disabled} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t('editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={update.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={Object.fromEntries(EDITABLE.map((k) => [k, person[k] ?? undefined]))}
        onFinish={submit}
        data-testid="person-edit-form"
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            {text('name', t('name'), { required: true })}
          </Col>
          <Col xs={24} sm={12}>
            {text('staffNo', t('staffNo'), { required: true })}
          </Col>
          <Col xs={12} sm={6}>
            {select('gender', 'gender', t('gender'))}
          </Col>
          <Col xs={12} sm={6}>
            {select('kind', 'kind', t('kind'))}
          </Col>
          <Col xs={24} sm={12}>
            {select('politicalStatus', 'politicalStatus', t('politicalStatus'))}
          </Col>
          <Col xs={24} sm={12}>
            {text('idNumber', t('idNumber'), { disabled: person.masked })}
          </Col>
          <Col xs={24} sm={12}>
            {text('phone', t('phone'), { disabled: person.masked })}
          </Col>
          <Col xs={12} sm={8}>
            {select('cadreLevel', 'cadreLevel', t('cadreLevel'))}
          </Col>
          <Col xs={12} sm={8}>
            {select('developmentStage', 'developmentStage', t('developmentStage'))}
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="fulltimePartyWorker" label={t('fulltime')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="skills" label={t('skills')} extra={t('skillsHint')}>
              <Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            {text('specialty', t('specialty'))}
          </Col>
          <Col xs={24} sm={12}>
            {text('department', t('department'))}
          </Col>
          <Col xs={24} sm={12}>
            {text('major', t('major'))}
          </Col>
          <Col xs={24} sm={12}>
            {text('campus', t('campus'))}
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
