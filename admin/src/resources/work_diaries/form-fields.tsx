import { DatePicker, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { dateItemProps } from "../../components/reports/date-item.ts";

/** 日期, 今日工作, 明日计划. The author is always the person signed in. */
export function WorkDiaryFields() {
  const { t } = useTranslation();
  const f = (k: string) => t(`work_diaries.fields.${k}`);
  return (
    <>
      <Form.Item name="day" label={f("day")} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="content" label={f("content")} rules={[{ required: true, whitespace: true }, { max: 4000 }]}>
        <Input.TextArea rows={6} />
      </Form.Item>
      <Form.Item name="plan" label={f("plan")} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </>
  );
}
