import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { markUniqueField } from "../../components/inventory/unique-field.ts";
import { BuildingFormFields } from "./form-fields.tsx";
import type { Building } from "./types.ts";

/** 编辑楼栋 (managers, admins). Buildings are not deleted: their units would go with them. */
export default function BuildingEdit() {
  const { formProps, saveButtonProps, form } = useForm<Building>({
    redirect: "show",
    meta: { select: "id, code, name, floors, sort" },
    onMutationError: (error) => markUniqueField(form, "code")(error),
  });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <BuildingFormFields />
      </Form>
    </Edit>
  );
}
