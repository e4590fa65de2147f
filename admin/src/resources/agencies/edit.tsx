import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { AgencyFields } from "./agency-fields.tsx";
import type { Agency } from "./types.ts";

/** 编辑中介公司 (channel managers, admins); the change is audited by the database. */
export default function AgencyEdit() {
  const { formProps, saveButtonProps } = useForm<Agency>({ redirect: "show" });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 560 }}>
        <AgencyFields />
      </Form>
    </Edit>
  );
}
