import { CONTACT_CHANNELS, type ContactChannel } from "@so/shared/schemas/deals";
import { App, DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { DbError } from "../../components/deals/db-error.tsx";
import { formatYuan } from "../../components/money.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { itemLabel } from "./item-label.ts";
import type { ReceivableRow } from "./types.ts";

interface Values {
  channel: ContactChannel;
  contacted_at: Dayjs;
  note?: string;
  promised_on?: Dayjs;
}

/** 催款登记: who (the signed-in person), when, how and what was said about one amount due (record_collection_contact). */
export function CollectModal({ row, onClose }: { row: ReceivableRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRpc("record_collection_contact");

  const onFinish = async (values: Values) => {
    if (!row) return;
    const ok = await record
      .call({
        p_channel: values.channel,
        p_note: values.note ?? "",
        p_plan_item_id: row.source === "plan" ? row.plan_item_id : null,
        p_subscription_id: row.source === "deposit" ? row.subscription_id : null,
        p_contacted_at: values.contacted_at.toISOString(),
        p_promised_on: values.promised_on ? values.promised_on.format("YYYY-MM-DD") : null,
      })
      .then(() => true, () => false);
    if (!ok) return;
    message.success(t("receivables.collect.done"));
    onClose();
  };

  return (
    <Modal
      open={Boolean(row)}
      title={t("receivables.collect.title")}
      okText={t("receivables.collect.submit")}
      confirmLoading={record.pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => record.reset()}
      destroyOnHidden
    >
      {row && (
        <Typography.Paragraph type="secondary">
          {t("receivables.collect.about", {
            customer: row.customer_name ?? "",
            unit: row.unit_label ?? "",
            item: itemLabel(t, row),
            amount: formatYuan(String(row.outstanding ?? 0)),
          })}
        </Typography.Paragraph>
      )}
      <DbError error={record.error} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ channel: "phone", contacted_at: dayjs() }} preserve={false}>
        <Form.Item name="channel" label={t("receivables.collect.channel")} rules={[{ required: true }]}>
          <Select data-testid="collect-channel" options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`receivables.collect.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="contacted_at" label={t("receivables.collect.contacted_at")} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item name="note" label={t("receivables.collect.note")} rules={[{ required: true, whitespace: true, message: t("receivables.collect.noteRequired") }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t("receivables.collect.notePlaceholder")} data-testid="collect-note" />
        </Form.Item>
        <Form.Item name="promised_on" label={t("receivables.collect.promised_on")}>
          <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isBefore(dayjs(), "day")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
