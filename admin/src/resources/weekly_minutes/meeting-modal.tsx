import { useUpdate } from "@refinedev/core";
import { Alert, DatePicker, Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { dateItemProps } from "../../components/reports/date-item.ts";
import { StaffSelect } from "../../components/reports/staff-select.tsx";
import type { ProjectPerson } from "../../hooks/use-project-staff.ts";
import { useSaveThenClose } from "../../hooks/use-save-then-close.ts";
import type { WeeklyMinutes } from "./types.ts";

type Values = Pick<WeeklyMinutes, "title" | "held_on" | "host_id" | "attendees" | "summary" | "next_focus">;

/** 编辑会议信息 (managers): title, date, chair, attendees, summary, next week's focus. */
export function MeetingModal({ minutes, people, open, onClose }: { minutes: WeeklyMinutes; people: ProjectPerson[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { mutateAsync: update } = useUpdate();
  const { saving, error, clearError, run } = useSaveThenClose(onClose);
  useEffect(() => {
    if (!open) return;
    clearError();
    form.setFieldsValue({
      title: minutes.title,
      held_on: minutes.held_on,
      host_id: minutes.host_id,
      attendees: minutes.attendees,
      summary: minutes.summary,
      next_focus: minutes.next_focus,
    });
  }, [open, minutes, form, clearError]);
  const save = (values: Values) =>
    run(() => update({ resource: "weekly_minutes", id: minutes.id, values: { ...values, host_id: values.host_id ?? null }, errorNotification: false }));
  const f = (k: string) => t(`weekly_minutes.fields.${k}`);
  return (
    <Modal open={open} title={t("weekly_minutes.editMeeting")} okText={t("buttons.save")} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={680}>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="title" label={f("title")} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="held_on" label={f("held_on")} {...dateItemProps}>
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="host_id" label={f("host_id")}>
          <StaffSelect people={people} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="attendees" label={f("attendees")} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={f("summary")} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="next_focus" label={f("next_focus")} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
