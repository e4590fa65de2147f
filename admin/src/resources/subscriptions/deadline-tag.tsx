import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { SubscriptionOverview } from "./types.ts";

/** 签约期限, flagged red when an active subscription is past it (subscription_overview.past_deadline). */
export function DeadlineCell({ row }: { row: Pick<SubscriptionOverview, "contract_deadline" | "past_deadline" | "days_past_deadline"> }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: "nowrap" }}>
      <Typography.Text type={row.past_deadline ? "danger" : undefined}>{row.contract_deadline}</Typography.Text>{" "}
      {row.past_deadline && (
        <Tag color="error" data-testid="past-deadline">
          {t("subscriptions.pastDeadline", { days: row.days_past_deadline ?? 0 })}
        </Tag>
      )}
    </span>
  );
}
