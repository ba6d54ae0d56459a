import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, type Me, post } from '../../api';
import { DateTimeInput } from '../../DateInputs';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { PersonPicker } from '../access/PersonPicker';
import { FormDialog, useFormSave } from './FormDialog';
import { volAdminMessages } from './messages-admin';

/** Helpers shared by the volunteering management dialogs (teams, venues, duties, attendance). */

/** datetime-local text in the browser's zone ↔ ISO with offset, as the server's inputs want. */
export const LOCAL = 'YYYY-MM-DDTHH:mm';
export const toIso = (local: string) => dayjs(local).format();
export const toLocal = (iso: string | null | undefined) => (iso ? dayjs(iso).format(LOCAL) : '');

/** The unit paths where the person holds `permission` (GET /api/me scopes). */
export const scopePaths = (me: Me, permission: string) => me.scopes[permission] ?? [];
export const inScopeOf = (me: Me, permission: string, path: string) =>
  me.isSystemAdmin || scopePaths(me, permission).some((p) => path.startsWith(p));

interface UnitRow {
  id: number;
  name: string;
  path: string;
  depth: number;
}
/** Units the person may pick as the owner of something managed under `permission`, in tree order. */
export function useUnitsFor(permission: string) {
  const { me } = useSession();
  const units = useQuery({
    queryKey: ['units', { includeClosed: false }],
    queryFn: () => get<{ items: UnitRow[] }>('/api/units').then((r) => r.items),
    staleTime: 30_000,
  });
  const rows = (units.data ?? []).filter((u) => inScopeOf(me, permission, u.path));
  return {
    loading: units.isLoading,
    options: rows.map((u) => ({ value: u.id, label: `${'　'.repeat(u.depth)}${u.name}` })),
  };
}

export interface PartnerRow {
  id: number;
  name: string;
  kind: 'community' | 'village' | 'enterprise' | 'government';
  ownerUnitId: number;
  ownerUnitName: string;
  ownerPath: string;
}
export const PARTNER_KIND_LABELS: Record<PartnerRow['kind'], string> = {
  community: '社区',
  village: '村',
  enterprise: '企业',
  government: '机关',
};
/** 共建单位 (GET /api/partners). */
export function usePartnerList(enabled = true) {
  return useQuery({
    queryKey: ['partners'],
    queryFn: () => get<{ items: PartnerRow[] }>('/api/partners').then((r) => r.items),
    enabled,
    staleTime: 30_000,
  });
}

interface AttendanceValues {
  checkInAt: string;
  checkOutAt: string;
  note: string;
}
const ATTENDANCE_FIELDS = ['checkInAt', 'checkOutAt', 'note'];

/**
 * Times in and out with a reason: a member's 补签 request (POST /signups/:id/manual-request, waits for the
 * organizer) or the organizer's direct entry (POST /signups/:id/attendance, takes effect at once).
 */
export function AttendanceDialog(props: {
  signupId: number;
  mode: 'request' | 'record';
  personName?: string;
  /** Suggested times: the shift's. */
  startsAt: string;
  endsAt: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useMessages(volAdminMessages);
  const [form] = Form.useForm<AttendanceValues>();
  const request = props.mode === 'request';
  const save = useFormSave({
    form,
    fields: ATTENDANCE_FIELDS,
    mutationFn: (v: AttendanceValues) =>
      post(`/api/volunteer/signups/${props.signupId}/${request ? 'manual-request' : 'attendance'}`, {
        checkInAt: toIso(v.checkInAt),
        checkOutAt: toIso(v.checkOutAt),
        note: v.note,
      }),
    onSaved: () => {
      form.resetFields();
      props.onDone();
    },
  });
  return (
    <FormDialog
      open={props.open}
      title={
        request
          ? t('requestManual')
          : props.personName
            ? t('recordAttendanceOf', { name: props.personName })
            : t('recordAttendance')
      }
      okText={request ? t('submitRequest') : t('record')}
      form={form}
      initialValues={{ checkInAt: toLocal(props.startsAt), checkOutAt: toLocal(props.endsAt), note: '' }}
      save={save}
      notice={
        <Alert type="info" style={{ marginBottom: 12 }} message={request ? t('requestNotice') : t('recordNotice')} />
      }
      onClose={props.onClose}
    >
      <Form.Item name="checkInAt" label={t('checkInAt')} rules={[{ required: true, message: t('checkInAtRequired') }]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item
        name="checkOutAt"
        label={t('checkOutAt')}
        rules={[{ required: true, message: t('checkOutAtRequired') }]}
      >
        <DateTimeInput />
      </Form.Item>
      <Form.Item
        name="note"
        label={request ? t('requestReason') : t('note')}
        rules={[{ required: true, message: request ? t('requestReasonRequired') : t('noteRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormDialog>
  );
}

/** A button that opens AttendanceDialog. */
export function AttendanceButton(
  props: Omit<Parameters<typeof AttendanceDialog>[0], 'open' | 'onClose'> & { label: string; small?: boolean },
) {
  const [open, setOpen] = useState(false);
  const { label, small, onDone, ...rest } = props;
  return (
    <>
      <Button size={small ? 'small' : undefined} type={small ? 'link' : 'default'} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && (
        <AttendanceDialog
          {...rest}
          open={open}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onDone();
          }}
        />
      )}
    </>
  );
}

/** Simple person choice from a known list (e.g. colleagues on a roster), for people without people search. */
export function PersonSelect(props: {
  value?: number;
  onChange?: (v: number) => void;
  options: { id: number; name: string }[];
  placeholder: string;
}) {
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      options={props.options.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}

/** PersonPicker (people search by name or number) as a Form control. */
export function FormPersonPicker(props: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  placeholder: string;
  valueLabel?: string;
}) {
  return (
    <PersonPicker
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v)}
      placeholder={props.placeholder}
      valueLabel={props.valueLabel}
    />
  );
}
