import { Col, Form, Input, Row } from "antd";
import { useTranslation } from "react-i18next";

/** 开发商名称, 预售许可证号, 开发商地址 (the seller on every printout) and the contract- and receipt-number patterns. */
export function ProjectPaperFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="developer_name" label={t("papers.fields.developer_name")} tooltip={t("papers.help.developer_name")} rules={[{ max: 100 }]}>
          <Input placeholder="杭州云栖置业有限公司" data-testid="developer-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="presale_permit_no" label={t("papers.fields.presale_permit_no")} rules={[{ max: 60 }]}>
          <Input placeholder="杭售许字（2026）第000123号" data-testid="presale-permit-no" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="developer_address" label={t("papers.fields.developer_address")} rules={[{ max: 200 }]}>
          <Input placeholder="杭州市西湖区云栖路88号" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="contract_no_pattern"
          label={t("papers.fields.contract_no_pattern")}
          extra={t("papers.help.contract_no_pattern")}
          rules={[
            { required: true, whitespace: true },
            { max: 60 },
            { pattern: /\{seq(:[1-9])?\}/, message: t("papers.help.patternNeedsSeq") },
          ]}
        >
          <Input placeholder="{code}-{yyyy}-{seq:4}" data-testid="contract-no-pattern" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="receipt_no_pattern"
          label={t("papers.fields.receipt_no_pattern")}
          extra={t("papers.help.receipt_no_pattern")}
          rules={[
            { required: true, whitespace: true },
            { max: 60 },
            { pattern: /\{seq(:[1-9])?\}/, message: t("papers.help.patternNeedsSeq") },
          ]}
        >
          <Input placeholder="SJ{yyyy}{seq:6}" data-testid="receipt-no-pattern" />
        </Form.Item>
      </Col>
    </Row>
  );
}
