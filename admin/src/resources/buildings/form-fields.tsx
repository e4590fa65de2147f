import { Col, Form, Input, InputNumber, Row } from "antd";
import { useTranslation } from "react-i18next";

/** 楼栋编号, 名称, 层数, 排序 — bounded as the table: floors 1–200, code unique per project. */
export function BuildingFormFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="code"
          label={t("buildings.fields.code")}
          tooltip={t("buildings.help.code")}
          rules={[{ required: true, whitespace: true }, { max: 20 }]}
        >
          <Input placeholder="1" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t("buildings.fields.name")} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <Input placeholder="1栋" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="floors" label={t("buildings.fields.floors")} rules={[{ required: true }, { type: "integer", min: 1, max: 200 }]}>
          <InputNumber min={1} max={200} precision={0} addonAfter={t("buildings.floorsUnit")} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="sort" label={t("buildings.fields.sort")} tooltip={t("buildings.help.sort")} initialValue={0} rules={[{ type: "integer" }]}>
          <InputNumber precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
