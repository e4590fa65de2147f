import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { markUniqueField } from "../../components/inventory/unique-field.ts";
import { PolicyFormFields } from "./form-fields.tsx";
import { conditionsOf, type Policy } from "./types.ts";

/** 编辑优惠政策 (admins). Retire a policy by switching it off: past deals keep its name. */
export default function PolicyEdit() {
  const { formProps, saveButtonProps, form } = useForm<Policy>({
    onMutationError: (error) => markUniqueField(form, "name")(error),
    redirect: "list",
    meta: { select: "id, name, kind, value, stackable, active, sort, note, payment_methods, customer_sources" },
  });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        onFinish={(values) => {
          const v = values as Policy;
          return formProps.onFinish?.({ ...v, value: String(v.value), ...conditionsOf(v), note: v.note?.trim() || null });
        }}
      >
        <PolicyFormFields />
      </Form>
    </Edit>
  );
}
