import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Select } from 'antd';
import { useCallback } from 'react';
import { get, put } from '../../api';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import { gridMessages } from './grid-messages';
import type { GridUnit, Unit } from './org-api';
import { UnitTreeSelect } from './UnitTreeSelect';

interface Values {
  coveringBranchId: number | null;
  contactPersonId: number | null;
}
interface PersonItem {
  id: number;
  name: string;
  staffNo: string;
  politicalStatus: string;
}
const FIELDS = ['coveringBranchId', 'contactPersonId'] as const;
const isBranch = (u: Unit) => (u.type === 'branch' || u.type === 'direct_branch') && !u.closedAt;

/** Sets which branch covers a grid unit and which of its members is the contact (PUT /api/grid-units/:id). */
export function GridCoverageDialog({ gridUnit, onClose }: { gridUnit: GridUnit; onClose: () => void }) {
  const t = useMessages(gridMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // undefined only before the form mounts; a cleared branch is null (UnitTreeSelect reports null).
  const watched = Form.useWatch('coveringBranchId', form);
  const branchId = watched === undefined ? gridUnit.coveringBranchId : watched;
  const selectable = useCallback(isBranch, []);

  // Contacts must be Party members (full or probationary) of the covering branch.
  const members = useQuery({
    queryKey: ['branch-members', branchId],
    queryFn: () =>
      get<{ items: PersonItem[] }>(`/api/people?unitId=${branchId}&pageSize=200&sort=name`).then((r) =>
        r.items.filter((p) => p.politicalStatus === 'member' || p.politicalStatus === 'probationary'),
      ),
    enabled: Boolean(branchId),
  });

  const contactOptions = (members.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.staffNo}）` }));
  // Until the branch's members load, the current contact still shows by name rather than by id.
  const sameBranch = branchId === gridUnit.coveringBranchId;
  if (
    sameBranch &&
    gridUnit.contactPersonId &&
    gridUnit.contactPersonName &&
    !contactOptions.some((o) => o.value === gridUnit.contactPersonId)
  ) {
    contactOptions.unshift({ value: gridUnit.contactPersonId, label: gridUnit.contactPersonName });
  }

  const save = useMutation({
    mutationFn: (v: Values) =>
      put(`/api/grid-units/${gridUnit.id}`, {
        name: gridUnit.name,
        kind: gridUnit.kind,
        ownerUnitId: gridUnit.ownerUnitId,
        campus: gridUnit.campus,
        coveringBranchId: v.coveringBranchId ?? null,
        contactPersonId: v.contactPersonId ?? null,
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['grid-units'] }),
        queryClient.invalidateQueries({ queryKey: ['coverage'] }),
      ]);
      message.success(t('saved'));
      onClose();
    },
    onError: (err) => {
      const rest = showServerErrors(form, err, FIELDS);
      if (rest) message.error(rest);
    },
  });

  return (
    <Modal
      open
      title={t('editTitle', { name: gridUnit.name })}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ coveringBranchId: gridUnit.coveringBranchId, contactPersonId: gridUnit.contactPersonId }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed) => {
          if ('coveringBranchId' in changed) form.setFieldValue('contactPersonId', null);
        }}
      >
        <Form.Item name="coveringBranchId" label={t('branch')}>
          <UnitTreeSelect selectable={selectable} allowClear placeholder={t('pickBranch')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="contactPersonId" label={t('contact')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pickContact')}
            loading={members.isFetching}
            disabled={!branchId}
            options={contactOptions}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
