import type { ViewRow } from "../../lib/db-rows.ts";
import { DateField, List, useTable } from "@refinedev/antd";
import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";

type FailedRow = ViewRow<"failed_notifications", "recipient_id" | "recipient_name" | "project_id" | "last_error" | "next_attempt_at">;

/** 推送失败: bot notifications that could not be delivered — recipient, kind, attempts, last error. */
export default function FailedNotificationList() {
  const { t } = useTranslation();
  const { tableProps } = useTable<FailedRow>({
    syncWithLocation: false,
    // Every project the person administers, as the database lets them see.
    meta: { allProjects: true },
    sorters: { initial: [{ field: "created_at", order: "desc" }] } });
  return (
    <List>
      <Typography.Paragraph type="secondary">{t("failed_notifications.intro")}</Typography.Paragraph>
      <Table {...tableProps} rowKey="id" data-testid="failed-notifications-table" locale={{ emptyText: t("failed_notifications.empty") }}>
        <Table.Column<FailedRow> dataIndex="recipient_name" title={t("failed_notifications.fields.recipient")} render={(v) => v ?? "—"} />
        <Table.Column<FailedRow>
          dataIndex="kind"
          title={t("failed_notifications.fields.kind")}
          render={(v: string) => <Tag>{t(`failed_notifications.kinds.${v}`, { defaultValue: v })}</Tag>}
        />
        <Table.Column<FailedRow> dataIndex="attempts" title={t("failed_notifications.fields.attempts")} align="right" />
        <Table.Column<FailedRow>
          dataIndex="last_error"
          title={t("failed_notifications.fields.last_error")}
          render={(v: string | null) => <Typography.Text type="danger">{v ?? "—"}</Typography.Text>}
        />
        <Table.Column<FailedRow> dataIndex="created_at" title={t("failed_notifications.fields.created_at")} render={(v) => <DateField value={v} format="YYYY-MM-DD HH:mm" />} />
      </Table>
    </List>
  );
}
