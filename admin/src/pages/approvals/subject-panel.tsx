import type { ViewRow, With } from "../../lib/db-rows.ts";
import { useOne } from "@refinedev/core";
import { Descriptions, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ApprovalOverview } from "../../components/approvals/types.ts";
import { BuildupTable, type Buildup } from "../../components/deals/buildup-table.tsx";
import { Money } from "../../components/money.tsx";
import { NOWRAP_LABELS, TWO_COLUMNS } from "../../components/deals/descriptions.ts";

export type DiscountRequestRow = With<
  ViewRow<"discount_request_overview", "customer_name" | "current_step_id" | "current_step_role" | "decided_at" | "used_at">,
  { buildup: Buildup }
>;

/** A discount request: unit, customer, the full price build-up and the reason. */
function DiscountSubject({ approval }: { approval: ApprovalOverview }) {
  const { t } = useTranslation();
  const { result } = useOne<DiscountRequestRow>({ resource: "discount_request_overview", id: approval.subject_id });
  const s = approval.summary;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" column={TWO_COLUMNS} styles={NOWRAP_LABELS} bordered>
        <Descriptions.Item label={t("approval_center.fields.unit")}>{s.unit_label}</Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.customer")}>{s.customer_name}</Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.reason")} span={2}>
          {s.reason}
        </Descriptions.Item>
      </Descriptions>
      {result?.buildup && <BuildupTable buildup={result.buildup} />}
    </Space>
  );
}

/** 换房 / 退房: the subscription, units, prices, money already received and the reason. */
function UnitChangeSubject({ approval }: { approval: ApprovalOverview }) {
  const { t } = useTranslation();
  const s = approval.summary;
  const change = approval.subject_type === "unit_change";
  return (
    <Descriptions size="small" column={TWO_COLUMNS} styles={NOWRAP_LABELS} bordered>
      <Descriptions.Item label={t("approval_center.fields.customer")}>{s.customer_name}</Descriptions.Item>
      <Descriptions.Item label={t(change ? "approval_center.fields.old_unit" : "approval_center.fields.unit")}>{s.unit_label}</Descriptions.Item>
      <Descriptions.Item label={t("approval_center.fields.price")}>
        <Money value={s.price} />
      </Descriptions.Item>
      {change && <Descriptions.Item label={t("approval_center.fields.new_unit")}>{s.new_unit_label}</Descriptions.Item>}
      {change && (
        <Descriptions.Item label={t("approval_center.fields.new_price")}>
          <Money value={s.new_price} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t("approval_center.fields.amount_received")}>
        <Money value={s.amount_received} />
      </Descriptions.Item>
      <Descriptions.Item label={t("approval_center.fields.reason")} span={2}>
        {s.reason}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** A contract: number, price and payment method as on the subscription, and its payment plan. */
function ContractSubject({ approval }: { approval: ApprovalOverview }) {
  const { t } = useTranslation();
  const s = approval.summary;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" column={TWO_COLUMNS} styles={NOWRAP_LABELS} bordered>
        <Descriptions.Item label={t("approval_center.fields.contract_no")}>{s.contract_no}</Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.unit")}>{s.unit_label}</Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.customer")}>{s.customer_name}</Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.price")}>
          <Money value={s.price} strong />
        </Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.payment_method")} span={2}>{s.payment_method ? t(`deals.paymentMethods.${s.payment_method}`) : ""}</Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t("approval_center.fields.plan")}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="seq"
        dataSource={s.plan ?? []}
        columns={[
          { title: t("deals.plan.seq"), dataIndex: "seq" },
          { title: t("deals.plan.kind"), dataIndex: "kind", render: (v: string) => t(`deals.planKinds.${v}`) },
          { title: t("deals.plan.due_date"), dataIndex: "due_date" },
          { title: t("deals.plan.amount"), dataIndex: "amount", align: "right", render: (v: string) => <Money value={v} /> },
        ]}
      />
    </Space>
  );
}

type PriceChangeRow = With<
  Pick<ViewRow<"price_change_overview", "reason" | "max_cut_pct">, "id" | "reason" | "units_count" | "max_cut_pct">,
  {
    source: "import" | "edit";
    items: { unit_id: string; unit_label: string; old_list_price: string; new_list_price: string; cut_pct: string; below_floor: boolean }[] | null;
  }
>;

/** 调价申请: where it came from and every unit's old and new list price. */
function PriceChangeSubject({ approval }: { approval: ApprovalOverview }) {
  const { t } = useTranslation();
  const { result } = useOne<PriceChangeRow>({ resource: "price_change_overview", id: approval.subject_id });
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" column={TWO_COLUMNS} styles={NOWRAP_LABELS} bordered>
        <Descriptions.Item label={t("approval_center.fields.source")}>
          {result ? t(`approval_center.priceSources.${result.source}`) : ""}
        </Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.price_units")}>{result?.units_count}</Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.max_cut")}>{result?.max_cut_pct != null ? `${Number(result.max_cut_pct).toFixed(2)}%` : ""}</Descriptions.Item>
        <Descriptions.Item label={t("approval_center.fields.reason")}>{result?.reason}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="unit_id"
        data-testid="price-change-rows"
        dataSource={result?.items ?? []}
        columns={[
          { title: t("approval_center.fields.unit"), dataIndex: "unit_label" },
          { title: t("approval_center.fields.old_list_price"), dataIndex: "old_list_price", align: "right", render: (v: string) => <Money value={v} /> },
          { title: t("approval_center.fields.new_list_price"), dataIndex: "new_list_price", align: "right", render: (v: string) => <Money value={v} strong /> },
          {
            title: t("approval_center.fields.cut_pct"),
            dataIndex: "cut_pct",
            align: "right",
            render: (v: string, r) => (
              <Typography.Text type="danger">
                -{v}%{r.below_floor ? ` · ${t("approval_center.fields.below_floor")}` : ""}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** What the approval is about, by subject type. */
export function SubjectPanel({ approval }: { approval: ApprovalOverview }) {
  switch (approval.subject_type) {
    case "discount":
      return <DiscountSubject approval={approval} />;
    case "contract":
      return <ContractSubject approval={approval} />;
    case "price_change":
      return <PriceChangeSubject approval={approval} />;
    default:
      return <UnitChangeSubject approval={approval} />;
  }
}
