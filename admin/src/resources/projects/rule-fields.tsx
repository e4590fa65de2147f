import { Col, Form, InputNumber, Row } from "antd";
import { useTranslation } from "react-i18next";
import { PROJECT_RULES } from "./types.ts";

const HELP: Partial<Record<string, string>> = {
  ownership_days: "projects.help.ownership_days",
  report_lead_minutes: "projects.help.report_lead_minutes",
  pool_warning_days: "projects.help.pool_warning_days",
};

/** 规则设置: the project's rule settings, bounded as the table's check constraints. */
export function ProjectRuleFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      {PROJECT_RULES.map(({ field, min, max, unit }) => (
        <Col xs={24} md={12} key={field}>
          <Form.Item
            name={field}
            label={t(`projects.fields.${field}`)}
            tooltip={HELP[field] ? t(HELP[field]) : undefined}
            rules={[{ required: true }, { type: "integer", min, max }]}
          >
            <InputNumber min={min} max={max} precision={0} addonAfter={t(`projects.units.${unit}`)} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
