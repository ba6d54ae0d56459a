import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { get, post } from '../../api';
import { useDomainLabels } from '../../domain-labels';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import type { Unit } from '../org/org-api';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import type { Explanation, Grant } from './access-api';
import { accessMessages } from './messages';

interface GrantValues {
  unitId: number;
  role: string;
  validFrom: Dayjs;
  validTo: Dayjs | null;
}
const GRANT_FIELDS = ['unitId', 'role', 'validFrom', 'validTo'] as const;

function useAfterChange(onClose: () => void, done: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['grants'] }),
      queryClient.invalidateQueries({ queryKey: ['access-explain'] }),
    ]);
    message.success(done);
    onClose();
  };
}

/** POST /api/grants: the roles offered are the ones the server says this person may grant on the chosen unit. */
export function GrantDialog({ person, onClose }: { person: Explanation['person']; onClose: () => void }) {
  const t = useMessages(accessMessages);
  const labels = useDomainLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantValues>();
  const unitId = Form.useWatch('unitId', form);
  const selectable = useCallback((u: Unit) => !u.closedAt, []);
  const grantable = useQuery({
    queryKey: ['grantable', unitId],
    queryFn: () =>
      get<{ items: { role: string; label: string }[] }>(`/api/grants/grantable?unitId=${unitId}`).then((r) => r.items),
    enabled: Boolean(unitId),
  });
  const done = useAfterChange(onClose, t('granted'));
  const save = useMutation({
    mutationFn: (v: GrantValues) =>
      post('/api/grants', {
        personId: person.id,
        unitId: v.unitId,
        role: v.role,
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
      }),
    onSuccess: done,
    onError: (err) => {
      const rest = showServerErrors(form, err, GRANT_FIELDS);
      if (rest) message.error(rest);
    },
  });
  const required = [{ required: true, message: t('required') }];
  const noRoles = Boolean(unitId) && grantable.isSuccess && grantable.data.length === 0;
  return (
    <Modal
      open
      title={t('grantTitle', { name: person.name })}
      okText={t('grant')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, disabled: noRoles }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ validFrom: dayjs(), validTo: null }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed) => 'unitId' in changed && form.setFieldValue('role', undefined)}
      >
        <Form.Item name="unitId" label={t('grantUnit')} rules={required}>
          <UnitTreeSelect selectable={selectable} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('role')}
          rules={required}
          validateStatus={noRoles ? 'warning' : undefined}
          help={noRoles ? t('noGrantable') : undefined}
        >
          <Select
            disabled={!unitId || noRoles}
            placeholder={unitId ? undefined : t('pickUnitFirst')}
            loading={grantable.isFetching}
            options={(grantable.data ?? []).map((r) => ({ value: r.role, label: labels.role(r.role, r.label) }))}
          />
        </Form.Item>
        <Form.Item name="validFrom" label={t('from')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validTo" label={t('to')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** POST /api/grants/:id/revoke with the reason the audit log keeps. */
export function RevokeDialog({ grant, onClose }: { grant: Grant; onClose: () => void }) {
  const t = useMessages(accessMessages);
  const labels = useDomainLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const done = useAfterChange(onClose, t('revoked'));
  const save = useMutation({
    mutationFn: (v: { reason: string }) => post(`/api/grants/${grant.id}/revoke`, v),
    onSuccess: done,
    onError: (err) => {
      const rest = showServerErrors(form, err, ['reason']);
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      title={t('revokeTitle', {
        name: grant.personName,
        role: labels.role(grant.role, grant.roleLabel),
        unit: grant.unitName,
      })}
      okText={t('revoke')}
      okButtonProps={{ danger: true, loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="reason" label={t('revokeReason')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
