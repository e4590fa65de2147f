import { CarOutlined, FormOutlined, MoneyCollectOutlined, ProfileOutlined } from "@ant-design/icons";
import { useGo } from "@refinedev/core";
import { Button, Card, Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** The broker's home: 报备客户 first (a large button a thumb reaches), then their reports, visits, commission. */
export function BrokerShortcuts() {
  const { t } = useTranslation();
  const go = useGo();
  const links = [
    { to: "/broker_reports", icon: <ProfileOutlined />, label: t("broker_home.reports") },
    { to: "/broker_visits", icon: <CarOutlined />, label: t("broker_home.visits") },
    { to: "/broker_commissions", icon: <MoneyCollectOutlined />, label: t("broker_home.commissions") },
  ];
  return (
    <Card title={t("broker_home.title")} data-testid="broker-home">
      <Typography.Paragraph type="secondary">{t("broker_home.hint")}</Typography.Paragraph>
      <Button type="primary" size="large" block icon={<FormOutlined />} onClick={() => go({ to: "/report-submit" })} data-testid="broker-report-shortcut">
        {t("broker_home.report")}
      </Button>
      <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
        {links.map((link) => (
          <Col key={link.to} xs={24} sm={8}>
            <Button block icon={link.icon} onClick={() => go({ to: link.to })}>
              {link.label}
            </Button>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
