import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { WorkDiaryFields } from "./form-fields.tsx";
import type { WorkDiary } from "./types.ts";

/** 编辑工作笔记: one's own entries only (RLS). */
export default function WorkDiaryEdit() {
  const { formProps, saveButtonProps } = useForm<WorkDiary>({ redirect: "list", meta: { select: "id, day, content, plan" } });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <WorkDiaryFields />
      </Form>
    </Edit>
  );
}
