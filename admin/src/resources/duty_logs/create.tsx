import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import dayjs from "dayjs";
import { useCurrentProject } from "../../session/current-project.tsx";
import { DutyLogFields } from "./form-fields.tsx";
import type { DutyLog } from "./types.ts";

/** 新增值班记录: the signed-in person's own entry (the database sets the author). */
export default function DutyLogCreate() {
  const { project } = useCurrentProject();
  const { formProps, saveButtonProps } = useForm<DutyLog>({ redirect: "list" });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        initialValues={{ day: dayjs().format("YYYY-MM-DD") }}
        onFinish={(values) => formProps.onFinish?.({ ...(values as object), project_id: project?.projectId })}
      >
        <DutyLogFields />
      </Form>
    </Create>
  );
}
