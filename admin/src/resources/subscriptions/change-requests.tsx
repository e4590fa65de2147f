import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { RpcFormModal } from "../../components/deals/rpc-form-modal.tsx";
import { UnitSelect, useDealUnits } from "../../components/deals/unit-select.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import type { SubscriptionOverview } from "./types.ts";

interface Props {
  subscription: SubscriptionOverview;
  open: boolean;
  onClose: () => void;
  onDone: (approvalId: string) => void;
  meId?: string;
}

/** 申请换房: another free unit for the same customer, with a reason (request_unit_change → approvals). */
export function UnitChangeModal({ subscription, open, onClose, onDone, meId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unit: string; reason: string }>();
  const rpc = useRpc("request_unit_change");
  const units = useDealUnits(open ? subscription.project_id : undefined).result.data.filter((u) => u.id !== subscription.unit_id);
  return (
    <RpcFormModal
      open={open}
      title={t("subscriptions.change.title", { unit: subscription.unit_label })}
      okText={t("subscriptions.change.submit")}
      form={form}
      pending={rpc.pending}
      error={rpc.error}
      onCancel={onClose}
      onFinish={(v) =>
        rpc.call({ p_subscription_id: subscription.id, p_new_unit_id: v.unit, p_reason: v.reason }).then((r) => {
          message.success(t("subscriptions.change.submitted"));
          onDone(r.approval_id);
        }, () => undefined)
      }
    >
      <Form.Item name="unit" label={t("subscriptions.change.newUnit")} rules={[{ required: true, message: t("subscriptions.required.unit") }]}>
        <UnitSelect units={units} meId={meId} testId="new-unit-select" />
      </Form.Item>
      <Form.Item name="reason" label={t("subscriptions.change.reason")} rules={[{ required: true, whitespace: true, message: t("subscriptions.required.reason") }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </RpcFormModal>
  );
}

/** 申请退房: cancel the subscription (and its contract) with a reason (request_cancellation → approvals). */
export function CancellationModal({ subscription, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const rpc = useRpc("request_cancellation");
  return (
    <RpcFormModal
      open={open}
      title={t("subscriptions.cancel.title", { unit: subscription.unit_label })}
      okText={t("subscriptions.cancel.submit")}
      danger
      form={form}
      pending={rpc.pending}
      error={rpc.error}
      onCancel={onClose}
      onFinish={(v) =>
        rpc.call({ p_subscription_id: subscription.id, p_reason: v.reason }).then((r) => {
          message.success(t("subscriptions.cancel.submitted"));
          onDone(r.approval_id);
        }, () => undefined)
      }
    >
      <Form.Item extra={t("subscriptions.cancel.help")} name="reason" label={t("subscriptions.cancel.reason")} rules={[{ required: true, whitespace: true, message: t("subscriptions.required.reason") }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </RpcFormModal>
  );
}
