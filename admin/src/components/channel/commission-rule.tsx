import { formatYuan } from "@so/shared/money";
import Decimal from "decimal.js";
import { useTranslation } from "react-i18next";
import type { CommissionType } from "./types.ts";

/** `numeric` from PostgREST (a JSON number) as an exact decimal string, trailing zeros dropped. */
export const decimalText = (value: number | string) => new Decimal(String(value)).toString();

/** 成交总价 1.5% · 每套 ¥20,000.00 */
export function commissionRuleText(t: (key: string, vars?: Record<string, string>) => string, type: CommissionType, value: number | string): string {
  return type === "percent"
    ? t("cooperations.rule.percent", { value: decimalText(value) })
    : t("cooperations.rule.fixed", { amount: formatYuan(String(value)) });
}

export function CommissionRule({ type, value }: { type: CommissionType; value: number | string }) {
  const { t } = useTranslation();
  return <span>{commissionRuleText(t, type, value)}</span>;
}
