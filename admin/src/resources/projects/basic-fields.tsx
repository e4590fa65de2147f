import { Col, Form, Input, Row } from "antd";
import { useTranslation } from "react-i18next";

/** 项目名称, 编号, 城市, 地址: the fields of both the create and the edit form. */
export function ProjectBasicFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t("projects.fields.name")} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input placeholder="云栖雅苑" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="code"
          label={t("projects.fields.code")}
          tooltip={t("projects.help.code")}
          rules={[{ required: true, whitespace: true }, { max: 32 }, { pattern: /^[A-Za-z0-9-]+$/ }]}
          normalize={(value: string) => value?.toUpperCase()}
        >
          <Input placeholder="HZ-YQ" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="city" label={t("projects.fields.city")} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <Input placeholder="杭州" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={t("projects.fields.address")} rules={[{ max: 200 }]}>
          <Input placeholder="杭州市西湖区云栖路88号" />
        </Form.Item>
      </Col>
    </Row>
  );
}
