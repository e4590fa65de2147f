import { Create } from "@refinedev/antd";
import type { FormInstance } from "antd";
import type { ReactNode } from "react";

interface Props {
  title: string;
  form: FormInstance;
  submitText: string;
  pending: boolean;
  /** What the submission decided; while null the form (children) shows with its save button. */
  outcome: ReactNode;
  children: ReactNode;
}

/** A create page whose form, once submitted, gives way to what came of it. */
export function OutcomeCreatePage({ title, form, submitText, pending, outcome, children }: Props) {
  const done = outcome !== null && outcome !== undefined && outcome !== false;
  return (
    <Create
      title={title}
      saveButtonProps={{ onClick: () => form.submit(), loading: pending, hidden: done, children: submitText }}
      contentProps={done ? { actions: undefined } : undefined}
    >
      {done ? outcome : children}
    </Create>
  );
}
