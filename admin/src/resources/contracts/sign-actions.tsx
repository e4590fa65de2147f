import { App, Button, DatePicker, Form, Input, Modal, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DbError } from "../../components/deals/db-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";
import type { ContractOverview } from "./types.ts";

/** 签约 (sign_contract) once approved, and 网签备案 (register_contract) once signed. */
export function SignActions({ contract }: { contract: ContractOverview }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canSign = useAllowed("contracts", "edit");
  const canRegister = useAllowed("contract_registrations", "create");
  const [open, setOpen] = useState<"sign" | "register" | null>(null);
  const sign = useRpc("sign_contract");
  const register = useRpc("register_contract");
  const [signForm] = Form.useForm<{ signed_on: Dayjs }>();
  const [registerForm] = Form.useForm<{ registration_no: string; registered_on: Dayjs }>();

  return (
    <Space>
      {canSign && contract.status === "approved" && (
        <Button type="primary" onClick={() => setOpen("sign")} data-testid="sign">
          {t("contracts.actions.sign")}
        </Button>
      )}
      {canRegister && contract.status === "signed" && !contract.registration_no && (
        <Button onClick={() => setOpen("register")} data-testid="register">
          {t("contracts.actions.register")}
        </Button>
      )}
      <Modal
        open={open === "sign"}
        title={t("contracts.sign.title", { no: contract.contract_no })}
        okText={t("contracts.actions.sign")}
        confirmLoading={sign.pending}
        onOk={() => signForm.submit()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <DbError error={sign.error} />
        <Form
          form={signForm}
          layout="vertical"
          initialValues={{ signed_on: dayjs() }}
          onFinish={(v) =>
            sign.call({ p_contract_id: contract.id, p_signed_on: v.signed_on.format("YYYY-MM-DD") }).then((r) => {
              setOpen(null);
              message.success(r.commission ? t("contracts.sign.doneWithCommission", { amount: r.commission.amount }) : t("contracts.sign.done"));
            }, () => undefined)
          }
        >
          <Form.Item name="signed_on" label={t("contracts.fields.signed_on")} rules={[{ required: true }]} extra={t("contracts.sign.help")}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === "register"}
        title={t("contracts.register.title", { no: contract.contract_no })}
        okText={t("contracts.register.submit")}
        confirmLoading={register.pending}
        onOk={() => registerForm.submit()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <DbError error={register.error} />
        <Form
          form={registerForm}
          layout="vertical"
          initialValues={{ registered_on: dayjs() }}
          onFinish={(v) =>
            register
              .call({ p_contract_id: contract.id, p_registration_no: v.registration_no, p_registered_on: v.registered_on.format("YYYY-MM-DD") })
              .then(() => {
                setOpen(null);
                message.success(t("contracts.register.done"));
              }, () => undefined)
          }
        >
          <Form.Item name="registration_no" label={t("contracts.fields.registration_no")} rules={[{ required: true, whitespace: true }]}>
            <Input placeholder="WQ2026-000123" data-testid="registration-no" />
          </Form.Item>
          <Form.Item name="registered_on" label={t("contracts.fields.registered_on")} rules={[{ required: true }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
