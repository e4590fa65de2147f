import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { markCustomerLostInput } from "@so/shared/schemas/customers";
import { RpcError } from "./rpc-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { clearErrorsOnChange, parseWith } from "./zod-form.ts";

/** 标记流失 (mark_customer_lost): a reason is required. */
export function MarkLostModal({ customerId, name, open, onClose }: { customerId: string; name: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const markLost = useRpc("mark_customer_lost");

  const submit = async (values: { p_reason?: string }) => {
    const parsed = parseWith(markCustomerLostInput, form, { p_customer_id: customerId, p_reason: values.p_reason ?? "" });
    if (!parsed.ok) return;
    const done = await markLost.call(parsed.data).catch(() => null);
    if (done) onClose();
  };

  return (
    <Modal
      title={t("customers.lost.title", { name })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("customers.lost.confirm")}
      okButtonProps={{ danger: true, loading: markLost.pending }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) markLost.reset();
      }}
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} preserve={false}>
        <RpcError error={markLost.error} />
        <Form.Item name="p_reason" label={t("customers.fields.lost_reason")} required extra={t("customers.lost.help")}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t("customers.lost.placeholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
