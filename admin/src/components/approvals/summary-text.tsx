import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Money } from "../money.tsx";
import type { ApprovalSummary } from "./types.ts";

/** One line for a list: what the approval is about (unit, customer, the figure that matters). */
export function SummaryText({ type, summary }: { type: string; summary: ApprovalSummary }) {
  const { t } = useTranslation();
  const who = [summary.unit_label, summary.customer_name].filter(Boolean).join(" · ");
  let figure: React.ReactNode = null;
  if (type === "discount") {
    figure = (
      <>
        <Money value={summary.requested_price} />
        <Typography.Text type="secondary">{t("approval_center.summary.depth", { depth: summary.depth_pct })}</Typography.Text>
      </>
    );
  } else if (type === "unit_change") {
    figure = <Typography.Text type="secondary">{t("approval_center.summary.changeTo", { unit: summary.new_unit_label })}</Typography.Text>;
  } else if (type === "cancellation") {
    figure = (
      <Typography.Text type="secondary">
        {t("approval_center.summary.received")} <Money value={summary.amount_received} />
      </Typography.Text>
    );
  } else if (type === "price_change") {
    figure = (
      <Typography.Text type="danger">
        {t("approval_center.summary.priceCut", { count: summary.units_count ?? 0, pct: summary.max_cut_pct ?? "" })}
      </Typography.Text>
    );
  } else if (type === "contract") {
    figure = (
      <>
        <Typography.Text type="secondary">{summary.contract_no}</Typography.Text>
        <Money value={summary.price} />
      </>
    );
  }
  return (
    <Space size={8} wrap>
      <Typography.Text>{who}</Typography.Text>
      {figure}
    </Space>
  );
}
