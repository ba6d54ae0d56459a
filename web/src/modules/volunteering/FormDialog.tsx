import { Alert, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useMessages } from '../../i18n';
import { volAdminMessages } from './messages-admin';

/** Wide enough for a form on a desktop, never wider than a phone's screen. */
const dialogWidth = 'min(560px, calc(100vw - 24px))';

interface Props<T> {
  open?: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<T>;
  /** The form's name (for labels' ids) and first values. */
  name?: string;
  initialValues?: Partial<T>;
  saving: boolean;
  /** The server's refusal, shown above the fields (field errors go next to the fields). */
  error: string | null;
  /** An explanation shown above the fields. */
  notice?: ReactNode;
  onSubmit(values: T): void;
  onClose(): void;
  children: ReactNode;
}

/** The one shape of the module's edit dialogs: a phone-width modal around a vertical form, OK submits it. */
export function FormDialog<T>(props: Props<T>) {
  const t = useMessages(volAdminMessages);
  return (
    <Modal
      open={props.open ?? true}
      title={props.title}
      width={dialogWidth}
      okText={props.okText}
      cancelText={t('cancel')}
      confirmLoading={props.saving}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.error && <Alert type="error" showIcon message={props.error} style={{ marginBottom: 12 }} />}
      {props.notice}
      <Form
        form={props.form}
        layout="vertical"
        name={props.name}
        initialValues={props.initialValues}
        onFinish={props.onSubmit}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
