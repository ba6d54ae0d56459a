import { ALLOWED_CHILDREN, BRANCH_KINDS, type UnitType } from '@pioneer/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useCallback } from 'react';
import { post } from '../../api';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import { useOrgLabels } from './labels';
import { orgMessages } from './messages';
import type { Unit } from './org-api';
import { UnitTreeSelect } from './UnitTreeSelect';

export type UnitAction = 'createChild' | 'rename' | 'move' | 'close';

interface Values {
  type?: UnitType;
  branchKind?: string | null;
  name?: string;
  code?: string;
  parentId?: number;
  reason?: string;
}
const FIELDS = ['type', 'branchKind', 'name', 'code', 'parentId', 'reason'] as const;

/** The four unit changes, each a dialog posting to its route; the server's refusals show in the dialog. */
export function UnitActionDialog(props: {
  action: UnitAction;
  unit: Unit;
  units: Unit[];
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { action, unit, onClose, onCreated } = props;
  const t = useMessages(orgMessages);
  const labels = useOrgLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const childTypes = ALLOWED_CHILDREN[unit.type] ?? [];

  // A new parent must accept this unit's type, be managed by the person, and not sit inside the unit itself.
  const canBeParent = useCallback(
    (u: Unit) =>
      u.abilities.createChild &&
      !u.closedAt &&
      (ALLOWED_CHILDREN[u.type] ?? []).includes(unit.type) &&
      !u.path.startsWith(unit.path) &&
      u.id !== unit.parentId,
    [unit],
  );

  const save = useMutation({
    mutationFn: (v: Values) => {
      const reason = v.reason?.trim() || undefined;
      switch (action) {
        case 'createChild':
          return post<{ id: number }>('/api/units', {
            parentId: unit.id,
            type: v.type,
            branchKind: v.type === 'branch' || v.type === 'direct_branch' ? (v.branchKind ?? 'staff') : null,
            name: v.name,
            code: v.code,
            reason,
          });
        case 'rename':
          return post(`/api/units/${unit.id}/rename`, { name: v.name, reason });
        case 'move':
          return post(`/api/units/${unit.id}/move`, { parentId: v.parentId, reason });
        case 'close':
          return post(`/api/units/${unit.id}/close`, { reason: v.reason });
      }
    },
    onSuccess: async (result, v) => {
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      await queryClient.invalidateQueries({ queryKey: ['unit-history'] });
      message.success(action === 'createChild' ? t('created', { name: v.name ?? '' }) : t('saved'));
      if (action === 'createChild' && result && typeof result === 'object' && 'id' in result)
        onCreated(result.id as number);
      onClose();
    },
    onError: (err) => {
      const rest = showServerErrors(form, err, FIELDS);
      if (rest) message.error(rest);
    },
  });

  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={`${t(action)}：${unit.name}`}
      okText={t(action)}
      okButtonProps={{ danger: action === 'close', loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={action === 'rename' ? { name: unit.name } : { type: childTypes[0], branchKind: 'staff' }}
      >
        {action === 'createChild' && (
          <>
            <Form.Item name="type" label={t('type')} rules={required}>
              <Select options={childTypes.map((c) => ({ value: c, label: labels.unitType(c) }))} />
            </Form.Item>
            {(type === 'branch' || type === 'direct_branch') && (
              <Form.Item name="branchKind" label={t('branchKind')} rules={required}>
                <Select options={BRANCH_KINDS.map((k) => ({ value: k, label: labels.branchKind(k) }))} />
              </Form.Item>
            )}
          </>
        )}
        {(action === 'createChild' || action === 'rename') && (
          <Form.Item name="name" label={t('name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {action === 'createChild' && (
          <Form.Item name="code" label={t('code')} rules={required} extra={t('codeHint')}>
            <Input maxLength={40} />
          </Form.Item>
        )}
        {action === 'move' && (
          <Form.Item name="parentId" label={t('newParent')} rules={required}>
            <UnitTreeSelect selectable={canBeParent} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action === 'close' && <Typography.Paragraph type="warning">{t('closeWarning')}</Typography.Paragraph>}
        <Form.Item
          name="reason"
          label={action === 'close' ? t('closeReason') : t('reasonOptional')}
          rules={action === 'close' ? required : []}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
