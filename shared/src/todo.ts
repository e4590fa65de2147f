import type { PlanItemKind } from "./schemas/deals.ts";

/*
  The to-dos 当天签约 and 应收款 as `private.signings_json` and `private.receivables_json` build them,
  for the admin's dashboard (`dashboard_summary`) and the bot's /today (`my_day`) alike.
*/

/** 当天签约: a subscription at (or past) its contract deadline, or an approved contract to sign. */
export interface TodoSigning {
  what: "subscription" | "contract";
  id: string;
  unit_label: string;
  customer_name: string;
  consultant_name: string | null;
  price: string;
  deadline: string | null;
  days_past: number | null;
}

/** 应收款: an unpaid payment-plan item, or a 认购's 定金 (no plan item or contract yet), due today or overdue. */
export interface TodoReceivable {
  plan_item_id: string | null;
  contract_id: string | null;
  contract_no: string | null;
  unit_label: string;
  customer_name: string;
  consultant_name: string | null;
  kind: PlanItemKind;
  due_date: string;
  outstanding: string;
  overdue_days: number;
}
