import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import { peopleMessages } from './messages';
import { type Transfer, useDecideTransfer } from './people-api';

type Decision = 'approve' | 'reject';

/** 同意转入 / 退回 for the receiving unit; shown only when the server says this viewer may decide. */
export function DecideButtons({ transfer }: { transfer: Transfer }) {
  const t = useMessages(peopleMessages);
  const { message } = App.useApp();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const decide = useDecideTransfer();
  if (!transfer.abilities?.approve && !transfer.abilities?.reject) return null;

  const submit = async ({ note }: { note?: string }) => {
    if (!decision) return;
    try {
      await decide.mutateAsync({ id: transfer.id, decision, note: note?.trim() ?? '' });
      message.success(decision === 'approve' ? t('approved') : t('rejected'));
      setDecision(null);
    } catch (err) {
      const rest = showServerErrors(form, err, ['note']);
      if (rest) message.error(rest);
    }
  };

  return (
    <>
      <Space size={4}>
        {transfer.abilities.approve && (
          <Button size="small" type="primary" onClick={() => setDecision('approve')}>
            {t('approve')}
          </Button>
        )}
        {transfer.abilities.reject && (
          <Button size="small" danger onClick={() => setDecision('reject')}>
            {t('reject')}
          </Button>
        )}
      </Space>
      <Modal
        open={decision !== null}
        title={
          decision === 'approve'
            ? t('approveTitle', { name: transfer.personName, unit: transfer.toUnitName })
            : t('rejectTitle', { name: transfer.personName })
        }
        onCancel={() => setDecision(null)}
        onOk={() => form.submit()}
        okText={decision === 'approve' ? t('approve') : t('reject')}
        okButtonProps={{ danger: decision === 'reject' }}
        cancelText={t('cancel')}
        confirmLoading={decide.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="note"
            label={decision === 'approve' ? t('note') : t('rejectNote')}
            rules={decision === 'reject' ? [{ required: true, whitespace: true, message: t('required') }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
