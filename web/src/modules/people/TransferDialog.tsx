import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import { peopleMessages } from './messages';
import { type Profile, useRequestTransfer, useTransferTargets } from './people-api';

interface Props {
  person: Profile;
  open: boolean;
  onClose(): void;
}

/**
 * 转接组织关系: the sending side names the receiving branch — anywhere in the tree, usually outside the sender's
 * own scope — and the reason; the receiving unit then accepts or returns it.
 */
export function TransferDialog({ person, open, onClose }: Props) {
  const t = useMessages(peopleMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toUnitId: number; reason: string }>();
  const [search, setSearch] = useState('');
  const targets = useTransferTargets(search);
  const request = useRequestTransfer(person.id);

  const submit = async (values: { toUnitId: number; reason: string }) => {
    try {
      await request.mutateAsync(values);
      message.success(t('submitted'));
      onClose();
    } catch (err) {
      const rest = showServerErrors(form, err, ['toUnitId', 'reason']);
      if (rest) message.error(rest);
    }
  };

  const options = (targets.data ?? [])
    .filter((u) => u.id !== person.unitId)
    .map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name }));

  return (
    <Modal
      open={open}
      title={`${t('transferAction')} · ${person.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="transfer-form">
        <Form.Item label={t('from')}>
          <Input value={person.unitName} disabled />
        </Form.Item>
        <Form.Item name="toUnitId" label={t('toUnit')} rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('searchBranch')}
            options={options}
            loading={targets.isFetching}
            notFoundContent={null}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('transferReason')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
