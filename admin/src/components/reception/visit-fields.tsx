import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { GRADES } from "@so/shared/schemas/customers";

/** 来访人数 · 介绍内容 · 客户问题 · 意向评估 · 备注: record_visit's fields. */
export function VisitFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="p_party_size" label={t("visits.fields.party_size")}>
          <InputNumber min={1} max={50} precision={0} addonAfter={t("visits.units.people")} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="p_intent" label={t("visits.fields.intent")}>
          <Select allowClear options={GRADES.map((g) => ({ value: g, label: t(`customers.grades.${g}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="p_shown" label={t("visits.fields.shown")}>
          <Input maxLength={500} placeholder={t("visits.placeholders.shown")} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="p_questions" label={t("visits.fields.questions")}>
          <Input maxLength={500} placeholder={t("visits.placeholders.questions")} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="p_notes" label={t("visits.fields.notes")}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Col>
    </Row>
  );
}
