import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { BrokerFields, brokerRow } from "./broker-fields.tsx";
import type { Broker } from "./types.ts";

/** 新建经纪人. */
export default function BrokerCreate() {
  const { formProps, saveButtonProps } = useForm<Broker>({ redirect: "list" });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => formProps.onFinish?.(brokerRow(values))}>
        <BrokerFields />
      </Form>
    </Create>
  );
}
