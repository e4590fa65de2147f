import type { HttpError } from "@refinedev/core";
import { Form, Modal, type FormInstance, type FormProps } from "antd";
import type { ReactNode } from "react";
import { DbError } from "./db-error.tsx";

interface Props<V> extends Omit<FormProps<V>, "form" | "layout" | "title"> {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** The OK button in red, for what cannot be taken back. */
  danger?: boolean;
  form: FormInstance<V>;
  /** The function call's state (useRpc): OK spins while pending, a refusal shows above the form. */
  pending: boolean;
  error: HttpError | null | undefined;
  onCancel: () => void;
  /** What the form is about, shown above the refusal. */
  intro?: ReactNode;
  children: ReactNode;
}

/** A modal whose vertical form is handed to one database function. */
export function RpcFormModal<V>({ open, title, okText, danger, form, pending, error, onCancel, intro, children, ...formProps }: Props<V>) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={danger ? { danger: true } : undefined}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {intro}
      <DbError error={error} />
      <Form<V> form={form} layout="vertical" {...formProps}>
        {children}
      </Form>
    </Modal>
  );
}
