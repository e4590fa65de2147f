import { Create, useForm } from "@refinedev/antd";
import { useParsed } from "@refinedev/core";
import { Form } from "antd";
import { useCurrentProject } from "../../session/current-project.tsx";
import { CooperationFields } from "./cooperation-fields.tsx";
import type { Cooperation } from "./types.ts";

/** 新建合作协议 for the current project. */
export default function CooperationCreate() {
  const { project } = useCurrentProject();
  const { params } = useParsed<{ agency_id?: string }>();
  const { formProps, saveButtonProps } = useForm<Cooperation>({ redirect: "list" });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ commission_type: "percent", agency_id: params?.agency_id }}
        onFinish={(values) => formProps.onFinish?.({ ...values, project_id: project?.projectId })}
      >
        <CooperationFields />
      </Form>
    </Create>
  );
}
