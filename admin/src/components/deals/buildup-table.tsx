import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { capitalAmount } from "./capital-amount.ts";
import { dec, Money } from "../money.tsx";

/** The build-up as the database's price_buildup() returns it (amounts as strings) or as shared/money's mirror. */
export interface Buildup {
  list_price: string | number;
  steps?: { policy: string; kind: "factor" | "amount"; factor?: string; amount?: string; price_after: string | number }[];
  price_after_policies: string | number;
  special_discount_amount?: string | number | null;
  depth_pct?: string | number | null;
  final_price: string | number;
  total_discount_amount?: string | number | null;
}

interface Row {
  key: string;
  item: string;
  note?: React.ReactNode;
  amount: React.ReactNode;
}

/**
 * 价格构成: list price → each standing policy → price after policies → special discount (depth
 * in %) → final price, with the final price in 大写 when asked for.
 */
export function BuildupTable({ buildup, capital, testId = "buildup" }: { buildup: Buildup; capital?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const special = dec(buildup.special_discount_amount);
  const rows: Row[] = [
    { key: "list", item: t("deals.buildup.listPrice"), amount: <Money value={buildup.list_price} /> },
    ...(buildup.steps ?? []).map((s, i) => ({
      key: `step-${i}`,
      item: s.policy,
      note: s.kind === "factor" ? t("deals.buildup.factor", { factor: s.factor }) : t("deals.buildup.amountOff", { amount: s.amount }),
      amount: <Money value={s.price_after} />,
    })),
    { key: "after", item: t("deals.buildup.afterPolicies"), amount: <Money value={buildup.price_after_policies} /> },
    ...(special.gt(0)
      ? [
          {
            key: "special",
            item: t("deals.buildup.special"),
            note: t("deals.buildup.depth", { depth: dec(buildup.depth_pct).toFixed(2) }),
            amount: <Money value={special.neg().toFixed(2)} />,
          },
        ]
      : []),
    {
      key: "final",
      item: t("deals.buildup.finalPrice"),
      amount: <Money value={buildup.final_price} strong />,
    },
  ];
  if (buildup.total_discount_amount !== undefined && buildup.total_discount_amount !== null && dec(buildup.total_discount_amount).gt(0)) {
    rows.push({
      key: "total",
      item: t("deals.buildup.totalDiscount"),
      note: t("deals.buildup.totalDepth", { pct: dec(buildup.total_discount_amount).div(dec(buildup.list_price)).times(100).toFixed(2) }),
      amount: <Money value={buildup.total_discount_amount} />,
    });
  }
  const table = (
    <Table<Row>
      data-testid={testId}
      size="small"
      pagination={false}
      dataSource={rows}
      rowKey="key"
      showHeader={false}
      rowClassName={(row) => (row.key === "final" ? "buildup-final" : "")}
      columns={[
        { dataIndex: "item", render: (v: string, row) => (row.key === "final" ? <Typography.Text strong>{v}</Typography.Text> : v) },
        { dataIndex: "note", render: (v) => <Typography.Text type="secondary">{v}</Typography.Text> },
        { dataIndex: "amount", align: "right" },
      ]}
    />
  );
  if (!capital) return table;
  return (
    <>
      {table}
      <Typography.Paragraph style={{ margin: "8px 8px 0" }} data-testid={`${testId}-capital`}>
        <Typography.Text type="secondary">{t("deals.buildup.capital")}</Typography.Text>
        {capitalAmount(dec(buildup.final_price))}
      </Typography.Paragraph>
    </>
  );
}
