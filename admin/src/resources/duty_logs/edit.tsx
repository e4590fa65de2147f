import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { DutyLogFields } from "./form-fields.tsx";
import type { DutyLog } from "./types.ts";

/** 编辑值班记录: one's own entries only (RLS). */
export default function DutyLogEdit() {
  const { formProps, saveButtonProps } = useForm<DutyLog>({ redirect: "list", meta: { select: "id, day, shift, content, issues, handover" } });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <DutyLogFields />
      </Form>
    </Edit>
  );
}
