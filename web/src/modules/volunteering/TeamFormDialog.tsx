import { TEAM_KIND_LABELS, TEAM_KINDS, type TeamKind } from '@pioneer/domain';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { post, put } from '../../api';
import { showServerErrors } from '../../forms';
import { useSession } from '../../session';
import { FormDialog } from './FormDialog';
import { FormPersonPicker, usePartnerList, useUnitsFor } from './vol-admin';

/** What the dialog edits; the team's current values when editing. */
export interface TeamFormValues {
  name: string;
  kind: TeamKind;
  unitId: number;
  leaderPersonId: number;
  leaderName?: string;
  specialties: string[];
  partnerId: number | null;
  description: string;
}
const FIELDS = ['name', 'kind', 'unitId', 'leaderPersonId', 'specialties', 'partnerId', 'description'];

/** 组建 / 修改团队 (POST /api/volunteer/teams, PUT /api/volunteer/teams/:id). */
export function TeamFormDialog(props: {
  teamId?: number;
  initial?: TeamFormValues;
  open: boolean;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { currentUnit } = useSession();
  const [form] = Form.useForm<TeamFormValues>();
  const [error, setError] = useState<string | null>(null);
  const units = useUnitsFor('volunteer.manage');
  const partners = usePartnerList(props.open);
  const kind = Form.useWatch('kind', form);
  const save = useMutation({
    mutationFn: ({ leaderName: _l, ...v }: TeamFormValues) => {
      const body = {
        ...v,
        partnerId: v.partnerId ?? null,
        description: v.description ?? '',
        specialties: v.specialties ?? [],
      };
      return props.teamId
        ? put<{ id: number }>(`/api/volunteer/teams/${props.teamId}`, body).then(() => ({ id: props.teamId! }))
        : post<{ id: number }>('/api/volunteer/teams', body);
    },
    onSuccess: (r) => props.onSaved(r.id),
    onError: (err) => setError(showServerErrors(form, err, FIELDS)),
  });
  const defaultUnit = currentUnit && units.options.some((o) => o.value === currentUnit.id) ? currentUnit.id : undefined;
  // The unit list arrives after the form mounts: default to the header's unit (or the first allowed one) then.
  const fallbackUnit = defaultUnit ?? units.options[0]?.value;
  useEffect(() => {
    if (!props.initial && fallbackUnit && !form.getFieldValue('unitId')) form.setFieldValue('unitId', fallbackUnit);
  }, [form, fallbackUnit, props.initial]);
  return (
    <FormDialog
      open={props.open}
      title={props.teamId ? '修改团队' : '组建团队'}
      okText="保存"
      form={form}
      name="team-form"
      initialValues={
        props.initial ?? {
          kind: 'volunteer_team',
          unitId: defaultUnit,
          specialties: [],
          partnerId: null,
          description: '',
        }
      }
      saving={save.isPending}
      error={error}
      onClose={props.onClose}
      onSubmit={(v) => {
        setError(null);
        save.mutate(v);
      }}
    >
      <Form.Item name="name" label="团队名称" rules={[{ required: true, message: '请填写团队名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="团队类型" rules={[{ required: true, message: '请选择团队类型' }]}>
        <Select options={TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k] }))} aria-label="团队类型" />
      </Form.Item>
      <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
        <Select options={units.options} loading={units.loading} aria-label="所属单位" />
      </Form.Item>
      <Form.Item
        name="leaderPersonId"
        label="队长"
        rules={[{ required: true, message: '请选择队长' }]}
        extra="输入姓名或工号/学号搜索"
      >
        <FormPersonPicker placeholder="搜索队长" valueLabel={props.initial?.leaderName} />
      </Form.Item>
      <Form.Item name="specialties" label="服务特长" extra="输入后回车添加，最多20项">
        <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={20} open={false} aria-label="服务特长" />
      </Form.Item>
      {(kind === 'vanguard' || props.initial?.partnerId) && (
        <Form.Item name="partnerId" label="服务的共建单位（地方）">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={partners.isLoading}
            aria-label="共建单位"
            options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="description" label="简介">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}
