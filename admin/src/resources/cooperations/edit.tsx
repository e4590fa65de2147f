import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { CooperationFields } from "./cooperation-fields.tsx";
import type { Cooperation } from "./types.ts";

/** 编辑合作协议: the terms; the agency stays (another agency is another cooperation). */
export default function CooperationEdit() {
  const { formProps, saveButtonProps } = useForm<Cooperation>({ redirect: "list", meta: { select: "id, agency_id, project_id, commission_type, commission_value, protection_days, valid_from, valid_to, note" } });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 560 }}>
        <CooperationFields lockAgency />
      </Form>
    </Edit>
  );
}
