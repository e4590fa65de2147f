import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { AgencyFields } from "./agency-fields.tsx";
import type { Agency } from "./types.ts";

/** 新建中介公司 (channel managers, admins). */
export default function AgencyCreate() {
  const { formProps, saveButtonProps } = useForm<Agency>({ redirect: "show" });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 560 }}>
        <AgencyFields />
      </Form>
    </Create>
  );
}
