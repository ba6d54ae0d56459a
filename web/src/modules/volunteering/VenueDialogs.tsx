import { OFFCAMPUS_VENUE_TYPES, VENUE_TYPE_LABELS, VENUE_TYPES, type VenueType } from '@pioneer/domain';
import { Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { post, put } from '../../api';
import { useSession } from '../../session';
import { FormDialog, useFormSave } from './FormDialog';
import { FormPersonPicker, usePartnerList, useUnitsFor } from './vol-admin';
import { closeVenue } from './vol-api';

/** Dialogs that edit a 服务阵地 itself: create or change it, and close it. */

export interface VenueFormValues {
  name: string;
  type: VenueType;
  unitId: number;
  partnerId: number | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: string;
  responsiblePersonId: number;
  responsibleName?: string;
  description: string;
  isPublic: boolean;
}
const VENUE_FIELDS = [
  'name',
  'type',
  'unitId',
  'partnerId',
  'address',
  'latitude',
  'longitude',
  'openingHours',
  'responsiblePersonId',
  'description',
  'isPublic',
];

/** 新建 / 修改服务阵地 (POST /api/volunteer/venues, PUT /api/volunteer/venues/:id). */
export function VenueFormDialog(props: {
  venueId?: number;
  initial?: VenueFormValues;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { currentUnit } = useSession();
  const [form] = Form.useForm<VenueFormValues>();
  const units = useUnitsFor('venue.manage');
  const partners = usePartnerList();
  const type = Form.useWatch('type', form);
  const offCampus = type ? OFFCAMPUS_VENUE_TYPES.includes(type) : false;
  const save = useFormSave({
    form,
    fields: VENUE_FIELDS,
    mutationFn: ({ responsibleName: _r, ...v }: VenueFormValues) => {
      const body = {
        ...v,
        partnerId: v.partnerId ?? null,
        latitude: v.latitude ?? null,
        longitude: v.longitude ?? null,
        description: v.description ?? '',
      };
      return props.venueId
        ? put(`/api/volunteer/venues/${props.venueId}`, body).then(() => ({ id: props.venueId! }))
        : post<{ id: number }>('/api/volunteer/venues', body);
    },
    onSaved: (r) => props.onSaved(r.id),
  });
  const defaultUnit = currentUnit && units.options.some((o) => o.value === currentUnit.id) ? currentUnit.id : undefined;
  // The unit list arrives after the form mounts: default to the header's unit (or the first allowed one) then.
  const fallbackUnit = defaultUnit ?? units.options[0]?.value;
  useEffect(() => {
    if (!props.initial && fallbackUnit && !form.getFieldValue('unitId')) form.setFieldValue('unitId', fallbackUnit);
  }, [form, fallbackUnit, props.initial]);
  return (
    <FormDialog
      title={props.venueId ? '修改服务阵地' : '新建服务阵地'}
      okText="保存"
      form={form}
      name="venue-form"
      initialValues={
        props.initial ?? {
          type: 'service_window',
          unitId: defaultUnit,
          partnerId: null,
          latitude: null,
          longitude: null,
          description: '',
          isPublic: true,
        }
      }
      save={save}
      onClose={props.onClose}
    >
      <Form.Item name="name" label="阵地名称" rules={[{ required: true, message: '请填写阵地名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="type" label="阵地类型" rules={[{ required: true, message: '请选择阵地类型' }]}>
        <Select
          aria-label="阵地类型"
          options={VENUE_TYPES.map((t) => ({
            value: t,
            label: `${VENUE_TYPE_LABELS[t]}${OFFCAMPUS_VENUE_TYPES.includes(t) ? '（校外共建）' : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
        <Select options={units.options} loading={units.loading} aria-label="所属单位" />
      </Form.Item>
      {(offCampus || props.initial?.partnerId) && (
        <Form.Item
          name="partnerId"
          label="共建单位"
          rules={offCampus ? [{ required: true, message: '校外阵地须填写共建单位' }] : []}
        >
          <Select
            allowClear
            aria-label="共建单位"
            showSearch={{ optionFilterProp: 'label' }}
            loading={partners.isLoading}
            options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="address" label="地址" rules={[{ required: true, message: '请填写地址' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="latitude" label="纬度（可不填）">
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="longitude" label="经度（可不填）">
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="openingHours"
        label="开放时间"
        rules={[{ required: true, message: '请填写开放时间' }]}
        extra="例如：工作日 8:30–17:00"
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="responsiblePersonId"
        label="负责人"
        rules={[{ required: true, message: '请选择负责人' }]}
        extra="输入姓名或工号/学号搜索"
      >
        <FormPersonPicker placeholder="搜索负责人" valueLabel={props.initial?.responsibleName} />
      </Form.Item>
      <Form.Item name="description" label="简介">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="isPublic" label="在公开名录中展示" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}

/** 关闭服务阵地 (POST /api/volunteer/venues/:id/close): like 撤销组织, closing asks why. */
export function VenueCloseDialog(props: {
  venueId: number;
  venueName: string;
  onClose: () => void;
  onSaved: (cancelledDuties: number) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const save = useFormSave({
    form,
    fields: ['reason'],
    mutationFn: (v: { reason: string }) => closeVenue(props.venueId, v.reason),
    onSaved: (r) => props.onSaved(r.cancelledDuties),
  });
  return (
    <FormDialog
      title={`关闭「${props.venueName}」`}
      okText="确认关闭"
      form={form}
      name="venue-close"
      save={save}
      notice={
        <Typography.Paragraph type="secondary">
          关闭后，该阵地不再出现在公开名录中，也不能再排班或登记服务；尚未开始的值班将被取消并通知值班人员，已有的值班表和服务记录保留可查。关闭后不能恢复。
        </Typography.Paragraph>
      }
      onClose={props.onClose}
    >
      <Form.Item
        name="reason"
        label="关闭原因"
        rules={[{ required: true, whitespace: true, message: '请填写关闭原因' }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如：阵地搬迁，并入学院党员之家" />
      </Form.Item>
    </FormDialog>
  );
}
