import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { markUniqueField } from "../../components/inventory/unique-field.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { BuildingFormFields } from "./form-fields.tsx";
import type { Building } from "./types.ts";

/** 新建楼栋 (managers, admins) in the current project. */
export default function BuildingCreate() {
  const { project } = useCurrentProject();
  const { formProps, saveButtonProps, form } = useForm<Building>({
    redirect: "show",
    onMutationError: (error) => markUniqueField(form, "code")(error),
  });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" onFinish={(values) => formProps.onFinish?.({ ...(values as Building), project_id: project?.projectId ?? "" })}>
        <BuildingFormFields />
      </Form>
    </Create>
  );
}
