import { useQuery } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import dayjs from 'dayjs';
import { get, post } from '../../api';
import { DateTimeInput } from '../../DateInputs';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { FormDialog, useFormSave } from './FormDialog';
import { FormPersonPicker, LOCAL, PersonSelect, toIso } from './vol-admin';

/** Dialogs of a venue's duty roster: 排班, and a duty's 换班 request. */

interface DutyValues {
  personId: number;
  post: string;
  startsAt: string;
  endsAt: string;
}
/** 排班 (POST /api/volunteer/venues/:id/duties). */
export function DutyDialog(props: { venueId: number; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<DutyValues>();
  const start = dayjs().add(1, 'day').hour(9).minute(0);
  const save = useFormSave({
    form,
    fields: ['personId', 'post', 'startsAt', 'endsAt'],
    mutationFn: (v: DutyValues) =>
      post(`/api/volunteer/venues/${props.venueId}/duties`, {
        ...v,
        post: v.post || '值班',
        startsAt: toIso(v.startsAt),
        endsAt: toIso(v.endsAt),
      }),
    onSaved: props.onSaved,
  });
  return (
    <FormDialog
      title="排班"
      okText="排班"
      form={form}
      initialValues={{ post: '值班', startsAt: start.format(LOCAL), endsAt: start.add(3, 'hour').format(LOCAL) }}
      save={save}
      onClose={props.onClose}
    >
      <Form.Item name="personId" label="值班人员" rules={[{ required: true, message: '请选择值班人员' }]}>
        <FormPersonPicker placeholder="搜索值班人员" />
      </Form.Item>
      <Form.Item name="post" label="岗位">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="startsAt" label="开始" rules={[{ required: true, message: '请填写开始时间' }]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item name="endsAt" label="结束" rules={[{ required: true, message: '请填写结束时间' }]}>
        <DateTimeInput />
      </Form.Item>
    </FormDialog>
  );
}

interface RosterPerson {
  personId: number;
  personName: string;
}
/**
 * 申请换班 (POST /api/volunteer/duties/:id/swap): the colleague accepts or declines on their own page. The colleague
 * comes from the venue's duty roster; people search is offered only when nobody else is on it.
 */
export function SwapDialog(props: {
  dutyId: number;
  venueId: number;
  selfId: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { me } = useSession();
  const [form] = Form.useForm<{ toPersonId: number; reason: string }>();
  const roster = useQuery({
    queryKey: ['vol-venue', String(props.venueId)],
    queryFn: () => get<{ duties: RosterPerson[] }>(`/api/volunteer/venues/${props.venueId}`),
  });
  const colleagues = new Map<number, string>();
  for (const d of roster.data?.duties ?? []) if (d.personId !== props.selfId) colleagues.set(d.personId, d.personName);
  // Colleagues on this venue's roster first; people search only when the roster has nobody else and the person may search.
  const search = roster.isSuccess && colleagues.size === 0 && hasPermission(me, 'people.view');
  const save = useFormSave({
    form,
    fields: ['toPersonId', 'reason'],
    mutationFn: (v: { toPersonId: number; reason: string }) => post(`/api/volunteer/duties/${props.dutyId}/swap`, v),
    onSaved: props.onSaved,
  });
  return (
    <FormDialog title="申请换班" okText="发送申请" form={form} save={save} onClose={props.onClose}>
      <Form.Item
        name="toPersonId"
        label="请谁代班"
        rules={[{ required: true, message: '请选择代班人员' }]}
        extra="对方接受后换班生效"
      >
        {search ? (
          <FormPersonPicker placeholder="搜索代班人员" />
        ) : (
          <PersonSelect
            placeholder="选择同一阵地的值班人员"
            options={[...colleagues].map(([id, name]) => ({ id, name }))}
          />
        )}
      </Form.Item>
      <Form.Item name="reason" label="换班原因" rules={[{ required: true, message: '请填写换班原因' }]}>
        <Input.TextArea rows={2} maxLength={200} showCount />
      </Form.Item>
    </FormDialog>
  );
}
