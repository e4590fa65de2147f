import { DatePicker, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { dateItemProps } from "../../components/reports/date-item.ts";
import { StaffSelect } from "../../components/reports/staff-select.tsx";
import type { ProjectPerson } from "../../hooks/use-project-staff.ts";

/** 日期, 主持人, 出勤情况, 晨会内容, 今日目标与分工: the fields of the create and edit forms. */
export function MorningMeetingFields({ people }: { people: ProjectPerson[] }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`morning_meetings.fields.${k}`);
  return (
    <>
      <Form.Item name="held_on" label={f("held_on")} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="host_id" label={f("host_id")}>
        <StaffSelect people={people} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="attendance" label={f("attendance")} rules={[{ max: 500 }]}>
        <Input placeholder={t("morning_meetings.placeholders.attendance")} />
      </Form.Item>
      <Form.Item name="content" label={f("content")} rules={[{ required: true, whitespace: true }, { max: 4000 }]}>
        <Input.TextArea rows={6} placeholder={t("morning_meetings.placeholders.content")} />
      </Form.Item>
      <Form.Item name="targets" label={f("targets")} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={4} placeholder={t("morning_meetings.placeholders.targets")} />
      </Form.Item>
    </>
  );
}
