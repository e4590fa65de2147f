import type { TFunction } from "i18next";
import { dec, formatYuan } from "../../components/money.tsx";
import type { CommissionRow } from "./types.ts";

/** 1.5% of the contract price, or ¥20000.00 per unit. */
export const ruleText = (t: TFunction, row: Pick<CommissionRow, "commission_type" | "commission_value">) =>
  row.commission_type === "percent"
    ? t("commissions.rule.percent", { value: String(Number(row.commission_value)) })
    : t("commissions.rule.fixed", { amount: formatYuan(dec(row.commission_value)) });
