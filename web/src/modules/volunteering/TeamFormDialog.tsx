import { TEAM_KINDS, type TeamKind } from '@pioneer/domain';
import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { post, put } from '../../api';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { FormDialog, useFormSave } from './FormDialog';
import { useVolLabels } from './labels';
import { volAdminMessages } from './messages-admin';
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
  const t = useMessages(volAdminMessages);
  const labels = useVolLabels();
  const { currentUnit } = useSession();
  const [form] = Form.useForm<TeamFormValues>();
  const units = useUnitsFor('volunteer.manage');
  const partners = usePartnerList(props.open);
  const kind = Form.useWatch('kind', form);
  const save = useFormSave({
    form,
    fields: FIELDS,
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
      open={props.open}
      title={props.teamId ? t('editTeam') : t('createTeam')}
      okText={t('save')}
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
      save={save}
      onClose={props.onClose}
    >
      <Form.Item name="name" label={t('teamName')} rules={[{ required: true, message: t('teamNameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('teamKind')} rules={[{ required: true, message: t('teamKindRequired') }]}>
        <Select options={TEAM_KINDS.map((k) => ({ value: k, label: labels.teamKind(k) }))} aria-label={t('teamKind')} />
      </Form.Item>
      <Form.Item name="unitId" label={t('teamUnit')} rules={[{ required: true, message: t('teamUnitRequired') }]}>
        <Select options={units.options} loading={units.loading} aria-label={t('teamUnit')} />
      </Form.Item>
      <Form.Item
        name="leaderPersonId"
        label={t('leader')}
        rules={[{ required: true, message: t('leaderRequired') }]}
        extra={t('leaderHint')}
      >
        <FormPersonPicker placeholder={t('leaderSearch')} valueLabel={props.initial?.leaderName} />
      </Form.Item>
      <Form.Item name="specialties" label={t('specialties')} extra={t('specialtiesHint')}>
        <Select
          mode="tags"
          tokenSeparators={[',', '，', '、']}
          maxCount={20}
          open={false}
          aria-label={t('specialties')}
        />
      </Form.Item>
      {(kind === 'vanguard' || props.initial?.partnerId) && (
        <Form.Item name="partnerId" label={t('partnerServed')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={partners.isLoading}
            aria-label={t('partner')}
            options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="description" label={t('teamDescription')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}
