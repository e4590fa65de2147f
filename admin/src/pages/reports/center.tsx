import { useGo } from "@refinedev/core";
import { Card, Col, Row, Space, Typography } from "antd";
import { createElement } from "react";
import { useTranslation } from "react-i18next";
import { MonthlyReportReminder } from "../../components/reports/month-reminder.tsx";
import { reportsResources } from "../../resource-groups/reports.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";

const GROUPS: { key: "reports" | "records"; items: { name: string; to: string }[] }[] = [
  {
    key: "reports",
    items: [
      { name: "daily_report", to: "/reports/daily" },
      { name: "weekly_minutes", to: "/weekly_minutes" },
      { name: "monthly_report", to: "/reports/monthly" },
    ],
  },
  {
    key: "records",
    items: [
      { name: "morning_meetings", to: "/morning_meetings" },
      { name: "duty_roster", to: "/duty_roster" },
      { name: "duty_logs", to: "/duty_logs" },
      { name: "work_diaries", to: "/work_diaries" },
    ],
  },
];

function EntryCard({ name, to }: { name: string; to: string }) {
  const { t } = useTranslation();
  const go = useGo();
  const can = useAllowed(name, "list");
  if (!can) return null;
  const icon = reportsResources.find((r) => r.name === name)?.icon;
  return (
    <Col xs={24} md={12} xl={8}>
      <Card hoverable onClick={() => go({ to })} data-testid={`center-${name}`} style={{ height: "100%" }}>
        <Card.Meta
          avatar={icon ? <span style={{ fontSize: 24, color: "#1677ff" }}>{createElement(icon)}</span> : undefined}
          title={t(`${name}.${name}`)}
          description={t(`report_center.cards.${name}`)}
        />
      </Card>
    </Col>
  );
}

/** 报表中心: the reports and the office records in one place, with the monthly report's reminder. */
export default function ReportCenterPage() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const canMonthly = useAllowed("monthly_report", "list");
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t("report_center.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("report_center.subtitle", { project: project?.projectName ?? "" })}</Typography.Text>
      </div>
      {canMonthly && <MonthlyReportReminder />}
      {GROUPS.map((group) => (
        <div key={group.key}>
          <Typography.Title level={5}>{t(`report_center.groups.${group.key}`)}</Typography.Title>
          <Row gutter={[16, 16]}>
            {group.items.map((item) => (
              <EntryCard key={item.name} {...item} />
            ))}
          </Row>
        </div>
      ))}
    </Space>
  );
}
