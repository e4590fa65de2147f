import { useList } from "@refinedev/core";
import { Card, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { SURVEY_SELECT, type MarketSurvey } from "../../resources/market_surveys/types.ts";
import { yuanText } from "../money.tsx";

/** 均价 and the range, per m². */
export function SurveyPrices({ survey }: { survey: Pick<MarketSurvey, "avg_price" | "price_min" | "price_max"> }) {
  const { t } = useTranslation();
  const range =
    survey.price_min !== null || survey.price_max !== null
      ? `${survey.price_min !== null ? yuanText(survey.price_min) : "—"} – ${survey.price_max !== null ? yuanText(survey.price_max) : "—"}`
      : null;
  return (
    <Space direction="vertical" size={0}>
      <span>{survey.avg_price !== null ? t("market_surveys.avg", { price: yuanText(survey.avg_price) }) : "—"}</span>
      {range && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{range}</Typography.Text>}
    </Space>
  );
}

/**
 * 可比楼盘 in a report: the surveys dated within the report's days (the week of the minutes, the
 * month of the analysis report), as the database lets the reader see them.
 */
export function MarketSurveyCard({ projectId, from, to, testId }: { projectId: string | undefined; from: string; to: string; testId: string }) {
  const { t } = useTranslation();
  const { result, query } = useList<MarketSurvey>({
    resource: "market_surveys",
    filters: [
      { field: "project_id", operator: "eq", value: projectId },
      { field: "survey_date", operator: "gte", value: from },
      { field: "survey_date", operator: "lte", value: to },
    ],
    sorters: [{ field: "competitor", order: "asc" }, { field: "survey_date", order: "desc" }],
    pagination: { mode: "off" },
    meta: { select: SURVEY_SELECT },
    queryOptions: { enabled: Boolean(projectId) },
  });
  const rows = result?.data ?? [];
  const f = (k: string) => t(`market_surveys.fields.${k}`);
  return (
    <Card size="small" title={t("market_surveys.inReport")} className="report-print-section">
      <Table<MarketSurvey>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        loading={query.isFetching}
        dataSource={rows}
        data-testid={testId}
        locale={{ emptyText: t("market_surveys.noneInPeriod") }}
        scroll={{ x: 900 }}
      >
        <Table.Column<MarketSurvey> dataIndex="competitor" title={f("competitor")} render={(v: string) => <strong>{v}</strong>} />
        <Table.Column<MarketSurvey> dataIndex="survey_date" title={f("survey_date")} width={110} />
        <Table.Column<MarketSurvey> key="prices" title={f("prices")} render={(_, r) => <SurveyPrices survey={r} />} />
        <Table.Column<MarketSurvey> dataIndex="offers" title={f("offers")} render={(v: string | null) => v || "—"} />
        <Table.Column<MarketSurvey>
          key="pace"
          title={f("pace")}
          render={(_, r) => [r.monthly_sales !== null ? t("market_surveys.perMonth", { n: r.monthly_sales }) : null, r.sales_pace].filter(Boolean).join("；") || "—"}
        />
        <Table.Column<MarketSurvey> key="by" title={f("surveyed_by")} width={90} render={(_, r) => r.surveyor?.name} />
      </Table>
    </Card>
  );
}
