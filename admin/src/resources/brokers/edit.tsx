import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { BrokerFields, brokerRow } from "./broker-fields.tsx";
import type { Broker } from "./types.ts";

/** 编辑经纪人: agency and store, contact, login account, active. */
export default function BrokerEdit() {
  const { formProps, saveButtonProps } = useForm<Broker>({ redirect: "list" });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => formProps.onFinish?.(brokerRow(values))}>
        <BrokerFields />
      </Form>
    </Edit>
  );
}
