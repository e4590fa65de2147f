import { Col, Form, Input, InputNumber, Radio, Row, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { GRADES } from "@so/shared/schemas/customers";

/**
 * 性别 · 意向等级 · 需求 (居室, 面积区间, 预算 in 万元, 购房目的) · 备注: the fields the register
 * form and the edit drawer share. `prefix` is "p_" when the names are register_customer's
 * arguments, "" for update_customer's patch.
 */
export function CustomerNeedsFields({ prefix }: { prefix: "p_" | "" }) {
  const { t } = useTranslation();
  const name = (field: string) => `${prefix}${field}`;
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={name("gender")} label={t("customers.fields.gender")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "male", label: t("customers.genders.male") },
              { value: "female", label: t("customers.genders.female") },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name("grade")} label={t("customers.fields.grade")}>
          <Select allowClear placeholder={t("customers.placeholders.grade")} options={GRADES.map((g) => ({ value: g, label: t(`customers.grades.${g}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name("rooms")} label={t("customers.fields.rooms")}>
          <InputNumber min={0} max={20} precision={0} addonAfter={t("customers.units.rooms")} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t("customers.fields.area")} style={{ marginBottom: 0 }}>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item name={name("area_min")} style={{ width: "50%" }}>
              <InputNumber min={1} placeholder={t("customers.placeholders.areaMin")} aria-label={t("customers.fields.area_min")} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name={name("area_max")} style={{ width: "50%" }}>
              <InputNumber
                min={1}
                placeholder={t("customers.placeholders.areaMax")}
                aria-label={t("customers.fields.area_max")}
                addonAfter="㎡"
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name("budget_max")} label={t("customers.fields.budget")}>
          <InputNumber min={1} precision={2} addonAfter={t("customers.units.wan")} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name("purpose")} label={t("customers.fields.purpose")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "self", label: t("customers.purposes.self") },
              { value: "invest", label: t("customers.purposes.invest") },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={name("note")} label={t("customers.fields.note")}>
          <Input.TextArea rows={2} maxLength={1000} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}
