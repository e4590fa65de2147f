import type { ViewRow, With } from "../../lib/db-rows.ts";
import { useList } from "@refinedev/core";
import { Card, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";

type HistoryRow = With<ViewRow<"project_settings_history", "actor" | "actor_name">, { before: Record<string, unknown> | null; after: Record<string, unknown> | null }>;

/** 修改记录: every change of the project's rules, from the audit log — who, when, before → after. */
export function SettingsHistoryCard({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<HistoryRow>({
    resource: "project_settings_history",
    sorters: [{ field: "at", order: "desc" }],
    pagination: { currentPage: 1, pageSize: 20 },
    meta: { select: "id, at, actor_name, surface, before, after" },
  });
  const label = (field: string) => (i18n.exists(`projects.fields.${field}`) ? t(`projects.fields.${field}`) : field);
  const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
  return (
    <Card title={t("settingsAudit.history.title")} loading={query.isLoading} data-testid="settings-history">
      <Table<HistoryRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={result.data}
        locale={{ emptyText: t("settingsAudit.history.empty") }}
        columns={[
          { title: t("settingsAudit.history.at"), dataIndex: "at", width: 170, render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm") },
          { title: t("settingsAudit.history.who"), dataIndex: "actor_name", width: 140, render: (v: string | null) => v ?? t("settingsAudit.history.system") },
          {
            title: t("settingsAudit.history.change"),
            key: "change",
            render: (_: unknown, r: HistoryRow) => (
              <div data-testid="settings-change">
                {Object.keys(r.after ?? {}).map((field) => (
                  <div key={field}>
                    <Typography.Text strong>{label(field)}</Typography.Text>
                    {"："}
                    <Typography.Text delete type="secondary">{shown(r.before?.[field])}</Typography.Text>
                    {" → "}
                    <Typography.Text>{shown(r.after?.[field])}</Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
