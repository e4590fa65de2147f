import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { markUniqueField } from "../../components/inventory/unique-field.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { PolicyFormFields } from "./form-fields.tsx";
import { conditionsOf, type Policy } from "./types.ts";

/** 新建优惠政策 (admins) for the current project; the table's trigger audits it. */
export default function PolicyCreate() {
  const { project } = useCurrentProject();
  const { formProps, saveButtonProps, form } = useForm<Policy>({
    redirect: "list",
    onMutationError: (error) => markUniqueField(form, "name")(error),
  });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        onFinish={(values) => {
          const v = values as Policy;
          return formProps.onFinish?.({ ...v, value: String(v.value), ...conditionsOf(v), note: v.note?.trim() || null, project_id: project?.projectId ?? "" });
        }}
      >
        <PolicyFormFields />
      </Form>
    </Create>
  );
}
