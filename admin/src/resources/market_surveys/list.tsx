import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { List, useTable } from "@refinedev/antd";
import { Alert, Button, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SurveyPrices } from "../../components/reports/market-survey-card.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { SurveyForm } from "./survey-form.tsx";
import { SURVEY_SELECT, type MarketSurvey } from "./types.ts";

/** 可比楼盘: the project's surveys of competing projects, newest first; the author or a manager corrects one. */
export default function MarketSurveyList() {
  const { t } = useTranslation();
  const { project, identity } = useCurrentProject();
  const manager = useAllowed("market_surveys", "edit");
  const [editing, setEditing] = useState<MarketSurvey | null | undefined>(undefined);
  const { tableProps } = useTable<MarketSurvey>({
    resource: "market_surveys",
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    filters: { permanent: [{ field: "project_id", operator: "eq", value: project?.projectId }] },
    sorters: { initial: [{ field: "survey_date", order: "desc" }] },
    meta: { select: SURVEY_SELECT },
    queryOptions: { enabled: Boolean(project) },
  });
  const f = (k: string) => t(`market_surveys.fields.${k}`);
  const long = (v: string | null) => (
    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0, maxWidth: 240 }}>
      {v || "—"}
    </Typography.Paragraph>
  );
  return (
    <List
      headerButtons={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-survey">
          {t("market_surveys.add")}
        </Button>
      }
    >
      <Alert type="info" showIcon message={t("market_surveys.help")} style={{ marginBottom: 16 }} />
      <Table<MarketSurvey> {...tableProps} rowKey="id" size="middle" scroll={{ x: 1100 }} data-testid="surveys-table" locale={{ emptyText: t("market_surveys.empty") }}>
        <Table.Column<MarketSurvey> dataIndex="survey_date" title={f("survey_date")} width={110} />
        <Table.Column<MarketSurvey>
          dataIndex="competitor"
          title={f("competitor")}
          render={(v: string, r) => (
            <Space direction="vertical" size={0}>
              <strong>{v}</strong>
              {r.location && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.location}</Typography.Text>}
            </Space>
          )}
        />
        <Table.Column<MarketSurvey> key="prices" title={f("prices")} render={(_, r) => <SurveyPrices survey={r} />} />
        <Table.Column<MarketSurvey> dataIndex="offers" title={f("offers")} render={long} />
        <Table.Column<MarketSurvey>
          key="pace"
          title={f("pace")}
          render={(_, r) => long([r.monthly_sales !== null ? t("market_surveys.perMonth", { n: r.monthly_sales }) : null, r.sales_pace].filter(Boolean).join("；"))}
        />
        <Table.Column<MarketSurvey> dataIndex="product_notes" title={f("product_notes")} render={long} />
        <Table.Column<MarketSurvey>
          key="by"
          title={f("surveyed_by")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <span>{r.surveyor?.name}</span>
              <Tag>{t(`market_surveys.sources.${r.source}`)}</Tag>
            </Space>
          )}
        />
        <Table.Column<MarketSurvey>
          key="actions"
          width={70}
          render={(_, r) =>
            (manager || r.surveyed_by === identity?.id) && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t("market_surveys.titles.edit")} data-testid={`edit-survey-${r.id}`} />
            )
          }
        />
      </Table>
      {editing !== undefined && project && <SurveyForm survey={editing} onClose={() => setEditing(undefined)} />}
    </List>
  );
}

