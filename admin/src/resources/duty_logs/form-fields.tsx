import { SHIFTS } from "@so/shared/schemas/office";
import { DatePicker, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { dateItemProps } from "../../components/reports/date-item.ts";

/** 日期, 班次, 值班情况, 异常情况及处理, 交接事项. The author is always the person signed in. */
export function DutyLogFields() {
  const { t } = useTranslation();
  const f = (k: string) => t(`duty_logs.fields.${k}`);
  return (
    <>
      <Form.Item name="day" label={f("day")} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="shift" label={f("shift")}>
        <Select allowClear style={{ width: 200 }} options={SHIFTS.map((s) => ({ value: s, label: t(`reports.shifts.${s}`) }))} />
      </Form.Item>
      <Form.Item name="content" label={f("content")} rules={[{ required: true, whitespace: true }, { max: 4000 }]}>
        <Input.TextArea rows={5} />
      </Form.Item>
      <Form.Item name="issues" label={f("issues")} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="handover" label={f("handover")} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
