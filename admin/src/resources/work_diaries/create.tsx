import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import dayjs from "dayjs";
import { useCurrentProject } from "../../session/current-project.tsx";
import { WorkDiaryFields } from "./form-fields.tsx";
import type { WorkDiary } from "./types.ts";

/** 写工作笔记: one entry per person and day (the database sets the author). */
export default function WorkDiaryCreate() {
  const { project } = useCurrentProject();
  const { formProps, saveButtonProps } = useForm<WorkDiary>({ redirect: "list" });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        initialValues={{ day: dayjs().format("YYYY-MM-DD") }}
        onFinish={(values) => formProps.onFinish?.({ ...(values as object), project_id: project?.projectId })}
      >
        <WorkDiaryFields />
      </Form>
    </Create>
  );
}
