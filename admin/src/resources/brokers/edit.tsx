import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { BrokerFields, brokerRow } from "./broker-fields.tsx";
import type { Broker } from "./types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

/** 编辑经纪人: agency and store, contact, login account, active. */
export default function BrokerEdit() {
  const { formProps, saveButtonProps } = useForm<Broker>({ redirect: "list" });
  const identityIsAdmin = useCurrentProject().identity?.isAdmin ?? false;
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => {
          // The login is not the channel manager's to change: send it only when it is editable.
          const { user_id: _login, ...rest } = brokerRow(values) as Broker;
          return formProps.onFinish?.(identityIsAdmin ? brokerRow(values) : rest);
        }}>
        <BrokerFields editing />
      </Form>
    </Edit>
  );
}
