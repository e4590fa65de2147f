import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** Each status family: where its labels live (i18n) and the colour of each value. */
const FAMILIES = {
  approval: {
    labels: "approval_center.status",
    colors: { pending: "processing", approved: "success", rejected: "error", cancelled: "default", lapsed: "warning", used: "purple" },
  },
  subject: {
    labels: "approval_center.subjectTypes",
    colors: { discount: "magenta", unit_change: "blue", cancellation: "volcano", contract: "geekblue" },
  },
  subscription: {
    labels: "deals.subscriptionStatus",
    colors: { active: "processing", converted: "success", cancelled: "default", changed: "warning" },
  },
  contract: {
    labels: "deals.contractStatus",
    colors: { pending: "processing", approved: "cyan", rejected: "error", signed: "success", cancelled: "default" },
  },
  unitChange: {
    labels: "deals.unitChangeKinds",
    colors: { change: "blue", cancellation: "volcano" },
  },
  paymentKind: {
    labels: "finance.paymentKinds",
    colors: { sincerity: "gold", deposit: "orange", down_payment: "blue", installment: "geekblue", mortgage: "purple", provident_loan: "magenta", refund: "red", carry_over: "cyan" },
  },
  commission: {
    labels: "finance.commissionStatus",
    colors: { computed: "processing", approved: "gold", paid: "success", cancelled: "default" },
  },
  delegation: {
    labels: "approval_center.delegationState",
    colors: { active: "success", scheduled: "processing", expired: "default", revoked: "default" },
  },
} as const satisfies Record<string, { labels: string; colors: Record<string, string> }>;

export type StatusFamily = keyof typeof FAMILIES;

/** A status as a coloured tag with its Chinese label, e.g. <StatusTag family="subscription" value="active" /> → 有效. */
export function StatusTag({ family, value }: { family: StatusFamily; value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return null;
  const { labels, colors } = FAMILIES[family];
  return (
    <Tag color={(colors as Record<string, string>)[value] ?? "default"} style={{ marginInlineEnd: 0 }}>
      {t(`${labels}.${value}`)}
    </Tag>
  );
}
