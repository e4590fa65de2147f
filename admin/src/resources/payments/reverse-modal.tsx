import { App, Descriptions, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { RpcFormModal } from "../../components/deals/rpc-form-modal.tsx";
import { Money } from "../../components/money.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import type { PaymentRow } from "../../components/finance/payment-row.ts";

/** 冲销: a reversing entry with the negated amount and a reason; the original stays (reverse_payment). */
export function ReverseModal({ payment, onClose }: { payment: PaymentRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const rpc = useRpc("reverse_payment");
  return (
    <RpcFormModal
      open={Boolean(payment)}
      title={t("payments.reverse.title", { receipt: payment?.receipt_no ?? "" })}
      okText={t("payments.reverse.submit")}
      danger
      form={form}
      pending={rpc.pending}
      error={rpc.error}
      onCancel={() => {
        rpc.reset();
        onClose();
      }}
      intro={
        payment && (
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("payments.fields.customer")}>{payment.customer_name}</Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.amount")}>
              <Money value={payment.amount} />
            </Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.kind")}>{t(`finance.paymentKinds.${payment.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.paid_on")}>{payment.paid_on}</Descriptions.Item>
          </Descriptions>
        )
      }
      onFinish={(v) =>
        payment &&
        rpc.call({ p_payment_id: payment.id, p_reason: v.reason }).then(() => {
          message.success(t("payments.reverse.done"));
          form.resetFields();
          onClose();
        }, () => undefined)
      }
    >
      <Form.Item name="reason" label={t("payments.reverse.reason")} extra={t("payments.reverse.help")} rules={[{ required: true, whitespace: true, message: t("payments.reverse.reasonRequired") }]}>
        <Input.TextArea rows={3} maxLength={200} data-testid="reverse-reason" />
      </Form.Item>
    </RpcFormModal>
  );
}
