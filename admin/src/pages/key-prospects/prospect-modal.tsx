import { App, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { CustomerPicker } from "../../components/customers/customer-picker.tsx";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import type { ProspectRow } from "./index.tsx";

interface Values {
  customer?: string;
  reason?: string;
}

/** 列为重点客户 (a customer and why) or 移出名录 (why); the database decides who may. */
export function ProspectModal({ unmark, onClose }: { unmark?: ProspectRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mark = useRpc("mark_key_prospect");
  const remove = useRpc("unmark_key_prospect");
  const rpc = unmark ? remove : mark;

  const submit = async (v: Values) => {
    const done = await rpc
      .call({ p_customer_id: unmark?.customer_id ?? v.customer ?? "", p_reason: v.reason ?? "" })
      .then(() => true, () => false);
    if (!done) return;
    message.success(unmark ? t("key_prospects.unmarked") : t("key_prospects.marked"));
    onClose();
  };

  return (
    <Modal
      open
      title={unmark ? t("key_prospects.unmarkTitle", { name: unmark.customer_name }) : t("key_prospects.mark")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: rpc.pending, ...{ "data-testid": "save-prospect" } }}
    >
      <RpcError error={rpc.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {!unmark && (
          <Form.Item name="customer" label={t("key_prospects.fields.customer")} rules={[{ required: true, message: t("key_prospects.pickCustomer") }]}>
            <CustomerPicker />
          </Form.Item>
        )}
        <Form.Item name="reason" label={unmark ? t("key_prospects.fields.unmark_reason") : t("key_prospects.fields.reason")} required>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="prospect-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
