import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PaymentRow } from "./payment-row.ts";

/** What a journal line is beyond its amount: a reversal of receipt X (why), reversed, a carry-over. */
export function PaymentNote({ row }: { row: PaymentRow }) {
  const { t } = useTranslation();
  if (row.reverses) {
    return (
      <Typography.Text type="secondary">
        <Tag color="red">{t("finance.payment.reversal")}</Tag>
        {t("finance.payment.reverses", { receipt: row.reverses_receipt_no ?? "" })} {row.reason}
      </Typography.Text>
    );
  }
  if (row.reversed_by) {
    return (
      <Typography.Text type="secondary">
        <Tag>{t("finance.payment.reversed")}</Tag>
        {row.reversal_reason}
      </Typography.Text>
    );
  }
  return row.reason ? <Typography.Text type="secondary">{row.reason}</Typography.Text> : null;
}
