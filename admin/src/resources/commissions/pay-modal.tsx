import { App, DatePicker, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { RpcFormModal } from "../../components/deals/rpc-form-modal.tsx";
import { formatYuan } from "../../components/money.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import type { CommissionRow } from "./types.ts";

/** 标记已付 (finance): the date paid and the bank reference (mark_commission_paid). */
export function PayModal({ commission, onClose }: { commission: CommissionRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ paid_on: Dayjs; reference?: string }>();
  const rpc = useRpc("mark_commission_paid");
  return (
    <RpcFormModal
      open={Boolean(commission)}
      title={commission ? t("commissions.pay.title", { agency: commission.agency_name, amount: formatYuan(String(commission.amount)) }) : ""}
      okText={t("commissions.pay.submit")}
      form={form}
      pending={rpc.pending}
      error={rpc.error}
      onCancel={() => {
        rpc.reset();
        onClose();
      }}
      initialValues={{ paid_on: dayjs() }}
      onFinish={(v) =>
        commission &&
        rpc.call({ p_commission_id: commission.id, p_paid_on: v.paid_on.format("YYYY-MM-DD"), p_reference: v.reference ?? null }).then(() => {
          message.success(t("commissions.pay.done"));
          onClose();
        }, () => undefined)
      }
    >
      <Form.Item name="paid_on" label={t("commissions.fields.paid_on")} rules={[{ required: true }]}>
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="reference" label={t("commissions.fields.payment_reference")}>
        <Input maxLength={100} placeholder={t("commissions.pay.referencePlaceholder")} />
      </Form.Item>
    </RpcFormModal>
  );
}
