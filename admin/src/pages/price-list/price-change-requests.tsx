import type { ViewRow, With } from "../../lib/db-rows.ts";
import { useList, useGo } from "@refinedev/core";
import { Button, Card, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";

/** A row of public.price_change_overview (调价申请). */
type PriceChangeRow = With<
  ViewRow<"price_change_overview", "requester_name" | "reason" | "current_step_id" | "current_step_role" | "current_escalated" | "current_escalation_reason" | "max_cut_pct" | "decided_at" | "lapses_at">,
  {
    source: "import" | "edit";
    effective_status: "pending" | "approved" | "rejected" | "cancelled" | "lapsed";
    items: { unit_label: string }[] | null;
  }
>;

const STATUS_COLOR: Record<PriceChangeRow["effective_status"], string> = {
  pending: "processing",
  approved: "success",
  rejected: "error",
  cancelled: "default",
  lapsed: "warning",
};

/** 调价申请: the price cuts of this project waiting for (or past) approval, newest first. */
export function PriceChangeRequests({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const go = useGo();
  const { result, query } = useList<PriceChangeRow>({
    resource: "price_change_overview",
    sorters: [{ field: "created_at", order: "desc" }],
    pagination: { pageSize: 20 },
    queryOptions: { refetchInterval: 10_000 },
  });
  return (
    <Card title={t("price_list.requests.title")} data-testid="price-change-requests">
      <Table<PriceChangeRow>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={result?.data ?? []}
        pagination={false}
        locale={{ emptyText: t("price_list.requests.empty") }}
      >
        <Table.Column<PriceChangeRow> title={t("price_list.requests.created_at")} dataIndex="created_at" render={(v) => dayjs(v).format("MM-DD HH:mm")} />
        <Table.Column<PriceChangeRow> title={t("price_list.requests.requester")} dataIndex="requester_name" />
        <Table.Column<PriceChangeRow> title={t("price_list.requests.source")} dataIndex="source" render={(v) => t(`price_list.requests.sources.${v}`)} />
        <Table.Column<PriceChangeRow>
          title={t("price_list.requests.units")}
          render={(_, r) => (
            <Typography.Text>
              {(r.items ?? []).slice(0, 4).map((i) => i.unit_label).join("、")}
              {r.units_count > 4 ? ` …（${r.units_count}）` : ""}
            </Typography.Text>
          )}
        />
        <Table.Column<PriceChangeRow>
          title={t("price_list.requests.max_cut")}
          dataIndex="max_cut_pct"
          align="right"
          render={(v) => (v == null ? "" : <Typography.Text type="danger">-{Number(v).toFixed(2)}%</Typography.Text>)}
        />
        <Table.Column<PriceChangeRow>
          title={t("price_list.requests.status")}
          dataIndex="effective_status"
          render={(v: PriceChangeRow["effective_status"]) => <Tag color={STATUS_COLOR[v]}>{t(`price_list.requests.statuses.${v}`)}</Tag>}
        />
        <Table.Column<PriceChangeRow>
          title={t("price_list.requests.current")}
          render={(_, r) =>
            r.effective_status === "pending" && r.current_step_role ? (
              <>
                {t(`roles.${r.current_step_role}`)}
                {r.current_escalated && (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    {t("approval_center.inbox.escalated")}
                  </Tag>
                )}
              </>
            ) : null
          }
        />
        <Table.Column<PriceChangeRow>
          title={t("table.actions")}
          render={(_, r) => (
            <Button size="small" onClick={() => go({ to: `/approvals/${r.approval_id}` })}>
              {t("price_list.requests.open")}
            </Button>
          )}
        />
      </Table>
    </Card>
  );
}
