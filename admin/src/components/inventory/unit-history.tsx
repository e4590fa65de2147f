import type { Tables } from "@so/shared/database.types";
import type { ViewRow, With } from "../../lib/db-rows.ts";
import { formatYuan } from "@so/shared/money";
import { useList, useMany } from "@refinedev/core";
import { Empty, Spin, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";

type AuditRow = With<Pick<Tables<"audit_log">, "id" | "at" | "actor" | "surface" | "action">, { before: Record<string, unknown> | null; after: Record<string, unknown> | null }>;

type SubscriptionRow = Pick<Tables<"subscriptions">, "id" | "created_at" | "closed_at" | "status" | "price" | "consultant_id" | "customer_id">;

const ids = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/**
 * 房源记录: the audit log of the unit (hold, release, 销控, 认购, 签约, 退房, 调价 — who, when, from
 * where) for those who may read it (admins and managers); for everyone else, the subscriptions
 * of the unit they may read.
 */
export function UnitHistory({ unitId, canReadAudit, refreshKey }: { unitId: string; canReadAudit: boolean; refreshKey?: string }) {
  return canReadAudit ? <AuditHistory unitId={unitId} refreshKey={refreshKey} /> : <SubscriptionHistory unitId={unitId} refreshKey={refreshKey} />;
}

function AuditHistory({ unitId, refreshKey }: { unitId: string; refreshKey?: string }) {
  const { t } = useTranslation();
  const { result, query } = useList<AuditRow>({
    resource: "audit_log",
    filters: [
      { field: "table_name", operator: "eq", value: "units" },
      { field: "record_id", operator: "eq", value: unitId },
    ],
    sorters: [{ field: "at", order: "desc" }],
    pagination: { currentPage: 1, pageSize: 30 },
    meta: { select: "id, at, actor, surface, action, before, after", refreshKey, allProjects: true },
    errorNotification: false,
  });
  const rows = result.data;
  const { result: staff } = useMany<{ id: string; name: string }>({
    resource: "staff",
    ids: ids(rows.map((r) => r.actor)),
    meta: { select: "id, name" },
    queryOptions: { enabled: rows.some((r) => r.actor) },
    errorNotification: false,
  });
  const { result: customers } = useMany<{ id: string; name: string }>({
    resource: "customers",
    ids: ids(rows.map((r) => text(r.after?.held_for ?? r.after?.customer_id) || null)),
    meta: { select: "id, name" },
    queryOptions: { enabled: rows.some((r) => r.after?.held_for || r.after?.customer_id) },
    errorNotification: false,
  });
  const staffName = (id: string | null) => (id ? (staff.data.find((s) => s.id === id)?.name ?? "—") : t("units.history.system"));
  const customerName = (id: unknown) => customers.data.find((c) => c.id === id)?.name ?? t("units.hiddenCustomer");

  const detail = (row: AuditRow): string => {
    const after = row.after ?? {};
    const before = row.before ?? {};
    switch (row.action) {
      case "unit.hold":
        return t("units.history.holdDetail", {
          customer: customerName(after.held_for),
          until: after.hold_expires_at ? dayjs(text(after.hold_expires_at)).format("MM-DD HH:mm") : "—",
        });
      case "unit.withhold":
        return t("units.history.reason", { reason: text(after.withheld_reason) });
      case "unit.subscribe":
        return t("units.history.customer", { customer: customerName(after.customer_id) });
      case "unit.price_change":
        return t("units.history.priceDetail", {
          from: formatYuan(text(before.list_price)),
          to: formatYuan(text(after.list_price)),
        });
      default:
        return "";
    }
  };

  if (query.isLoading) return <Spin size="small" />;
  if (query.isError) return <Typography.Text type="danger">{query.error?.message}</Typography.Text>;
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("units.history.empty")} />;
  return (
    <Timeline
      data-testid="unit-history"
      items={rows.map((row) => ({
        key: row.id,
        children: (
          <div data-testid="unit-history-item">
            <Typography.Text strong>{t(`units.history.actions.${row.action}`, { defaultValue: row.action })}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {dayjs(row.at).format("YYYY-MM-DD HH:mm")} · {staffName(row.actor)}
            </Typography.Text>
            {row.surface !== "admin" && (
              <Tag style={{ marginInlineStart: 8 }} bordered={false}>
                {t(`units.history.surface.${row.surface}`, { defaultValue: row.surface })}
              </Tag>
            )}
            {detail(row) && <div>{detail(row)}</div>}
          </div>
        ),
      }))}
    />
  );
}

function SubscriptionHistory({ unitId, refreshKey }: { unitId: string; refreshKey?: string }) {
  const { t } = useTranslation();
  const { result, query } = useList<SubscriptionRow>({
    resource: "subscriptions",
    filters: [{ field: "unit_id", operator: "eq", value: unitId }],
    sorters: [{ field: "created_at", order: "desc" }],
    pagination: { currentPage: 1, pageSize: 20 },
    meta: { select: "id, created_at, closed_at, status, price, consultant_id, customer_id", refreshKey },
    errorNotification: false,
  });
  const rows = result.data;
  const { result: staff } = useMany<{ id: string; name: string }>({
    resource: "staff",
    ids: ids(rows.map((r) => r.consultant_id)),
    meta: { select: "id, name" },
    queryOptions: { enabled: rows.length > 0 },
    errorNotification: false,
  });
  const { result: customers } = useMany<{ id: string; name: string }>({
    resource: "customers",
    ids: ids(rows.map((r) => r.customer_id)),
    meta: { select: "id, name" },
    queryOptions: { enabled: rows.length > 0 },
    errorNotification: false,
  });

  if (query.isLoading) return <Spin size="small" />;
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("units.history.noSubscriptions")} />;
  return (
    <Timeline
      data-testid="unit-subscriptions"
      items={rows.map((row) => ({
        key: row.id,
        children: (
          <div>
            <Typography.Text strong>{t("units.history.subscription")}</Typography.Text>
            <Tag style={{ marginInlineStart: 8 }}>{t(`units.history.subscriptionStatus.${row.status}`, { defaultValue: row.status })}</Tag>
            <div>
              {t("units.history.subscriptionDetail", {
                date: dayjs(row.created_at).format("YYYY-MM-DD"),
                customer: customers.data.find((c) => c.id === row.customer_id)?.name ?? t("units.hiddenCustomer"),
                consultant: staff.data.find((s) => s.id === row.consultant_id)?.name ?? "—",
                price: formatYuan(String(row.price)),
              })}
            </div>
          </div>
        ),
      }))}
    />
  );
}
