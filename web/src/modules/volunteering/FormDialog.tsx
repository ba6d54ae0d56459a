import { useMutation } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { showServerErrors } from '../../forms';
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
  /** The form's save, from useFormSave. */
  save: FormSave<T>;
  /** An explanation shown above the fields. */
  notice?: ReactNode;
  onClose(): void;
  children: ReactNode;
}

/** What a form needs from its save: whether it is running, the server's refusal, and the submit handler. */
export interface FormSave<T> {
  saving: boolean;
  /** The server's refusal, shown above the fields (field errors go next to the fields); cleared on each submit. */
  error: string | null;
  onSubmit(values: T): void;
}

/**
 * The one way the module's forms save: `mutationFn` sends the values, the server's field errors land next to
 * `fields`, anything else becomes `error`; `onSaved` gets the server's answer.
 */
export function useFormSave<T, R>(opts: {
  form: FormInstance<T>;
  fields: readonly string[];
  mutationFn: (values: T) => Promise<R>;
  onSaved: (result: R) => void;
}): FormSave<T> {
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: opts.mutationFn,
    onSuccess: (result) => opts.onSaved(result),
    onError: (err) => setError(showServerErrors(opts.form, err, opts.fields)),
  });
  return {
    saving: mutation.isPending,
    error,
    onSubmit: (values) => {
      setError(null);
      mutation.mutate(values);
    },
  };
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
      confirmLoading={props.save.saving}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.save.error && <Alert type="error" showIcon message={props.save.error} style={{ marginBottom: 12 }} />}
      {props.notice}
      <Form
        form={props.form}
        layout="vertical"
        name={props.name}
        initialValues={props.initialValues}
        onFinish={props.save.onSubmit}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
