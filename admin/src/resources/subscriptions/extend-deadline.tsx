import { App, DatePicker, Form, Input, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { DbError } from "../../components/deals/db-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import type { SubscriptionOverview } from "./types.ts";

interface Props {
  subscription: SubscriptionOverview;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 延期: a manager moves the contract deadline later, with a reason (extend_contract_deadline, audited). */
export function ExtendDeadlineModal({ subscription, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ deadline: Dayjs; reason: string }>();
  const rpc = useRpc("extend_contract_deadline");
  // After the current deadline and not before today (the database checks the same).
  const next = dayjs(subscription.contract_deadline).add(1, "day");
  const today = dayjs().startOf("day");
  const floor = next.isAfter(today) ? next : today;
  return (
    <Modal
      open={open}
      title={t("subscriptions.extend.title", { unit: subscription.unit_label })}
      okText={t("subscriptions.extend.submit")}
      okButtonProps={{ "data-testid": "extend-submit" } as Record<string, string>}
      confirmLoading={rpc.pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <DbError error={rpc.error} />
      <Typography.Paragraph type="secondary">{t("subscriptions.extend.help")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ deadline: floor.add(6, "day") }}
        onFinish={(v) =>
          rpc
            .call({ p_subscription_id: subscription.id, p_new_deadline: v.deadline.format("YYYY-MM-DD"), p_reason: v.reason })
            .then((r) => {
              message.success(t("subscriptions.extend.done", { date: r.contract_deadline }));
              onDone();
            }, () => undefined)
        }
      >
        <Form.Item name="deadline" label={t("subscriptions.extend.newDeadline")} rules={[{ required: true }]}>
          <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isBefore(floor, "day")} />
        </Form.Item>
        <Form.Item name="reason" label={t("subscriptions.extend.reason")} rules={[{ required: true, whitespace: true, message: t("subscriptions.required.reason") }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t("subscriptions.extend.reasonPlaceholder")} data-testid="extend-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
