import { Create } from "@refinedev/antd";
import type { HttpError } from "@refinedev/core";
import { Button, Form, type FormInstance, type FormProps } from "antd";
import type { ReactNode } from "react";
import { DbError } from "./db-error.tsx";

interface Props<V> extends Omit<FormProps<V>, "form" | "layout" | "title"> {
  form: FormInstance<V>;
  title: string;
  /** The footer's one button, which submits the form. */
  submitText: string;
  submitTestId: string;
  /** The function call's state (useRpc): the button spins while pending, a refusal shows above the form. */
  pending: boolean;
  error: HttpError | null | undefined;
  children: ReactNode;
}

/** A create page whose vertical form is handed to one database function. */
export function RpcCreatePage<V>({ form, title, submitText, submitTestId, pending, error, children, ...formProps }: Props<V>) {
  return (
    <Create
      title={title}
      footerButtons={
        <Button type="primary" onClick={() => form.submit()} loading={pending} data-testid={submitTestId}>
          {submitText}
        </Button>
      }
    >
      <DbError error={error} />
      <Form<V> form={form} layout="vertical" {...formProps}>
        {children}
      </Form>
    </Create>
  );
}
