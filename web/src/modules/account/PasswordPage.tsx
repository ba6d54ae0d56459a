import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { post } from '../../api';
import { showServerErrors } from '../../forms';
import { defineMessages, useMessages } from '../../i18n';
import { LoginThrottleCard } from './LoginThrottleCard';

const messages = defineMessages(
  {
    title: '修改密码',
    current: '当前密码',
    next: '新密码',
    confirm: '确认新密码',
    rule: '8–64位，至少包含大写字母、小写字母、数字、符号中的三类。修改后，其他设备上的登录将失效。',
    required: '必填',
    mismatch: '两次输入的新密码不一致',
    tooShort: '密码长度应为8–64位',
    submit: '修改密码',
    done: '密码已修改',
  },
  {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    confirm: 'Confirm new password',
    rule: '8–64 characters with at least three of: upper case, lower case, digits, symbols. Other devices will be signed out.',
    required: 'Required',
    mismatch: 'The two new passwords differ',
    tooShort: 'Use 8–64 characters',
    submit: 'Change password',
    done: 'Password changed',
  },
);

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * /account/password: POST /api/auth/password; the server judges the new password's strength. Below it, the
 * account's sign-in protection (failed attempts counted against it), which the owner may clear.
 */
export function PasswordPage() {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) =>
      post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      form.resetFields();
      message.success(t('done'));
    },
    onError: (err) => {
      const rest = showServerErrors(form, err, ['currentPassword', 'newPassword']);
      if (rest) message.error(rest);
    },
  });
  const required = { required: true, message: t('required') };
  return (
    <>
      <Card title={t('title')} style={{ maxWidth: 480 }}>
        <Alert type="info" showIcon title={t('rule')} style={{ marginBottom: 16 }} />
        {change.isSuccess && <Alert type="success" showIcon title={t('done')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('current')} rules={[required]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('next')}
            rules={[required, { min: 8, max: 64, message: t('tooShort') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('confirm')}
            dependencies={['newPassword']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} block>
            {t('submit')}
          </Button>
        </Form>
      </Card>
      <LoginThrottleCard />
    </>
  );
}
