import { Button, Drawer, Form, Space } from "antd";
import { useTranslation } from "react-i18next";
import { recordVisitInput } from "@so/shared/schemas/reception";
import { RpcError } from "../customers/rpc-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../customers/zod-form.ts";
import { VisitFields } from "./visit-fields.tsx";

/** 登记来访 for a known customer (record_visit): first or return visit is decided by the database. */
export function VisitDrawer({ customer, onClose }: { customer: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const record = useRpc("record_visit");

  const submit = async (values: Record<string, unknown>) => {
    if (!customer) return;
    const parsed = parseWith(recordVisitInput, form, { ...values, p_customer_id: customer.id });
    if (!parsed.ok) return;
    const done = await record.call(parsed.data).catch(() => null);
    if (done) onClose();
  };

  return (
    <Drawer
      title={customer ? t("visits.drawerTitle", { name: customer.name }) : ""}
      open={Boolean(customer)}
      onClose={onClose}
      width={600}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) record.reset();
      }}
      extra={
        <Space>
          <Button onClick={onClose}>{t("buttons.cancel")}</Button>
          <Button type="primary" loading={record.pending} onClick={() => form.submit()}>
            {t("buttons.save")}
          </Button>
        </Space>
      }
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ p_party_size: 1 }} preserve={false}>
        <RpcError error={record.error} />
        <VisitFields />
      </Form>
    </Drawer>
  );
}
