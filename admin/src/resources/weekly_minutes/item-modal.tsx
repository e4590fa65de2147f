import { useCreate, useUpdate } from "@refinedev/core";
import { Alert, DatePicker, Form, Input, Modal, Switch } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { dateItemProps } from "../../components/reports/date-item.ts";
import { StaffSelect } from "../../components/reports/staff-select.tsx";
import type { ProjectPerson } from "../../hooks/use-project-staff.ts";
import { useSaveThenClose } from "../../hooks/use-save-then-close.ts";
import type { MinuteItem } from "./types.ts";

type Values = Pick<MinuteItem, "topic" | "decision" | "owner_id" | "due_date" | "done">;

/** Add or edit one item of the minutes: 议题, 决议, 负责人, 完成时限, 完成 (managers). */
export function ItemModal({
  minutesId,
  item,
  nextSeq,
  people,
  open,
  onClose,
}: {
  minutesId: string;
  /** null: a new item. */
  item: MinuteItem | null;
  nextSeq: number;
  people: ProjectPerson[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { mutateAsync: create } = useCreate();
  const { mutateAsync: update } = useUpdate();
  const { saving, error, clearError, run } = useSaveThenClose(onClose);

  useEffect(() => {
    if (!open) return;
    clearError();
    form.setFieldsValue(item ? { topic: item.topic, decision: item.decision, owner_id: item.owner_id, due_date: item.due_date, done: item.done } : { topic: "", decision: null, owner_id: null, due_date: null, done: false });
  }, [open, item, form, clearError]);

  const save = (values: Values) => {
    const fields = { ...values, topic: values.topic.trim(), decision: values.decision?.trim() || null, owner_id: values.owner_id ?? null };
    return run(() =>
      item
        ? update({ resource: "weekly_minute_items", id: item.id, values: fields, errorNotification: false, successNotification: false })
        : create({ resource: "weekly_minute_items", values: { ...fields, minutes_id: minutesId, seq: nextSeq }, errorNotification: false, successNotification: false }),
    );
  };
  const f = (k: string) => t(`weekly_minutes.items.${k}`);
  return (
    <Modal
      open={open}
      title={item ? f("edit") : f("new")}
      okText={t("buttons.save")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={save} data-testid="item-form">
        <Form.Item name="topic" label={f("topic")} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="decision" label={f("decision")} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="owner_id" label={f("owner_id")}>
          <StaffSelect people={people} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="due_date" label={f("due_date")} {...dateItemProps}>
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="done" label={f("done")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
