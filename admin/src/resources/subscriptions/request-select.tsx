import { useList } from "@refinedev/core";
import { Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatYuan } from "../../components/money.tsx";

export interface ApprovedRequest {
  id: string;
  unit_id: string;
  unit_label: string;
  customer_id: string;
  customer_name: string | null;
  requested_price: number;
  depth_pct: number;
  policy_ids: string[];
  lapses_at: string;
}

/** The approved, unused, unlapsed special-discount requests touching this unit or this customer. */
export function useApprovedRequests(projectId: string | undefined, unitId: string | undefined, customerId: string | undefined) {
  const near = [
    ...(unitId ? [{ field: "unit_id", operator: "eq" as const, value: unitId }] : []),
    ...(customerId ? [{ field: "customer_id", operator: "eq" as const, value: customerId }] : []),
  ];
  return useList<ApprovedRequest>({
    resource: "discount_request_overview",
    pagination: { mode: "off" },
    filters: [
      { field: "effective_status", operator: "eq", value: "approved" },
      { key: "near", operator: "or", value: near },
    ],
    sorters: [{ field: "created_at", order: "desc" }],
    meta: { select: "id, unit_id, unit_label, customer_id, customer_name, requested_price, depth_pct, policy_ids, lapses_at" },
    queryOptions: { enabled: Boolean(projectId) && near.length > 0 },
  }).result.data;
}

/**
 * 特殊优惠审批: an approval is good only for the unit and customer it was asked for — others are
 * marked, and the database refuses them (approval_not_usable) with its own message.
 */
export function RequestSelect({
  requests,
  unitId,
  customerId,
  value,
  onChange,
}: {
  requests: ApprovedRequest[];
  unitId?: string;
  customerId?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      data-testid="request-select"
      value={value}
      onChange={onChange}
      placeholder={requests.length ? t("subscriptions.request.placeholder") : t("subscriptions.request.none")}
      options={requests.map((r) => {
        const other = r.unit_id !== unitId || r.customer_id !== customerId;
        return {
          value: r.id,
          label: (
            <span>
              {r.unit_label} · {r.customer_name} · {formatYuan(String(r.requested_price))} · {t("subscriptions.request.depth", { depth: Number(r.depth_pct).toFixed(2) })}{" "}
              {other && <Tag color="warning">{t("subscriptions.request.otherDeal")}</Tag>}
            </span>
          ),
        };
      })}
    />
  );
}
