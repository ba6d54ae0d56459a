import { Col, Form, Input, InputNumber, Row } from 'antd';
import dayjs from 'dayjs';
import { post } from '../../api';
import { DateTimeInput } from '../../DateInputs';
import { FormDialog, useFormSave } from './FormDialog';
import { LOCAL, toIso } from './vol-admin';

interface ServiceValues {
  servedAt: string;
  title: string;
  description: string;
  peopleServed: number;
  minutes: number;
  demandId: number | null;
}
/** 登记在阵地提供的服务 (POST /api/volunteer/venues/:id/services). */
export function ServiceLogDialog(props: { venueId: number; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<ServiceValues>();
  const save = useFormSave({
    form,
    fields: ['servedAt', 'title', 'description', 'peopleServed', 'minutes', 'demandId'],
    mutationFn: (v: ServiceValues) =>
      post(`/api/volunteer/venues/${props.venueId}/services`, {
        ...v,
        servedAt: toIso(v.servedAt),
        description: v.description ?? '',
        peopleServed: v.peopleServed ?? 0,
        minutes: v.minutes ?? 0,
        demandId: v.demandId ?? null,
      }),
    onSaved: props.onSaved,
  });
  return (
    <FormDialog
      title="登记服务"
      okText="登记"
      form={form}
      initialValues={{ servedAt: dayjs().format(LOCAL), peopleServed: 1, minutes: 60, description: '' }}
      save={save}
      onClose={props.onClose}
    >
      <Form.Item name="servedAt" label="服务时间" rules={[{ required: true, message: '请填写服务时间' }]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item name="title" label="服务事项" rules={[{ required: true, message: '请填写服务事项' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label="服务内容">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="peopleServed" label="服务人数">
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="minutes" label="用时（分钟）">
            <InputNumber min={0} max={1440} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="demandId" label="对应服务需求编号（可不填）">
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}
