/**
 * The shapes of the report functions' JSON (supabase/migrations/2026112316*_*.sql). Amounts are
 * JSON numbers from numeric columns: read them with `dec()` (money.tsx), never add them as numbers.
 * Activity figures are null in the finance view (scope "finance").
 */

import type { TodoReceivable, TodoSigning } from "@so/shared/todo";

export type ReportScope = "all" | "finance" | "own";
export type Amount = number | string;

export const FIGURE_KEYS = [
  "visits",
  "first_visits",
  "return_visits",
  "calls",
  "new_customers",
  "holds",
  "subscriptions",
  "subscription_amount",
  "contracts",
  "contract_amount",
  "collections",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export const MONEY_FIGURES: readonly FigureKey[] = ["subscription_amount", "contract_amount", "collections"];
/** The figures finance does not see (null in its view). */
export const ACTIVITY_FIGURES: readonly FigureKey[] = ["visits", "first_visits", "return_visits", "calls", "new_customers", "holds"];

/** Counts and amounts of a period; null where the caller's view leaves them out. */
export type Figures = Record<FigureKey, Amount | null>;

export interface FigureRow extends Figures {
  /** null: money no consultant can be credited with. */
  staff_id: string | null;
  name: string | null;
  rank?: number;
}

export interface SalesReport {
  project_id: string;
  from: string;
  to: string;
  scope: ReportScope;
  generated_at: string;
  /** null for a consultant (scope "own"). */
  office: Figures | null;
  rows: FigureRow[];
}

export interface DailyReport extends SalesReport {
  day: string;
}

export interface StockRow {
  building_id: string;
  building_name: string;
  rooms: number;
  layout: string;
  total: number;
  available: number;
  held: number;
  subscribed: number;
  signed: number;
  withheld: number;
  unsold: number;
  unsold_amount: Amount;
}

export interface Funnel {
  calls: number;
  visit_customers: number;
  first_visits: number;
  subscriptions: number;
  contracts: number;
}

export interface DashboardSummary {
  project_id: string;
  /** null: the caller sees no sales figures (channel manager, admin): stock only. */
  scope: ReportScope | null;
  today: string;
  month_start: string;
  generated_at: string;
  today_figures: Figures | null;
  month_figures: Figures | null;
  funnel: Funnel | null;
  stock: StockRow[];
  /** The workbench to-dos: 当天签约 and 应收款 (the caller's own, or the project's for managers and finance). */
  todo?: { signings: TodoSigning[]; receivables: TodoReceivable[] };
}

export interface MonthlyReport {
  project_id: string;
  project_name: string;
  month: string;
  from: string;
  to: string;
  due_on: string;
  /** The current month, reported to today. */
  month_to_date: boolean;
  scope: ReportScope;
  generated_at: string;
  /** The period 环比 compares with (the same days of the previous month) and its office figures. */
  previous: { from: string; to: string; summary: Figures | null };
  /** 环比: change against `previous` in percent per figure (null: nothing to compare with). */
  mom: Partial<Record<FigureKey, Amount | null>>;
  summary: Figures & {
    visit_customers: number | null;
    cancellations: number;
    changes: number;
    avg_discount_pct: Amount | null;
    unsold_units: number;
  };
  sources: {
    source: string;
    new_customers: number;
    first_visits: number;
    return_visits: number;
    visits: number;
    subscriptions: number;
    subscription_amount: Amount;
    contracts: number;
  }[] | null;
  calls: { total: number; invited: number; known_customers: number; by_topic: { topic: string; calls: number }[] } | null;
  funnel: (Funnel & { subscription_pct: Amount | null; contract_pct: Amount | null }) | null;
  deals: {
    by_layout: { layout: string; rooms: number; count: number; amount: Amount; area: Amount; avg_unit_price: Amount | null }[];
    by_building: { building_id: string; building_name: string; count: number; amount: Amount; area: Amount; avg_unit_price: Amount | null }[];
    by_price_band: { band_min: number; band_max: number; label: string; count: number; amount: Amount }[];
  };
  discount: {
    deals: number;
    list_amount: Amount;
    deal_amount: Amount;
    discount_amount: Amount;
    policy_discount_amount: Amount;
    special_discount_amount: Amount;
    special_deals: number;
    avg_discount_pct: Amount | null;
    avg_deal_discount_pct: Amount | null;
    max_discount_pct: Amount | null;
  };
  consultants: (FigureRow & { rank: number })[];
  inventory: {
    by_building: (Omit<StockRow, "rooms" | "layout"> & { sold_pct: Amount | null })[];
    by_layout: { layout: string; rooms: number; total: number; unsold: number; unsold_amount: Amount; sold_pct: Amount | null }[];
  };
  collections: {
    total: Amount;
    received: Amount;
    refunded: Amount;
    count: number;
    by_kind: { kind: string; count: number; amount: Amount }[];
    by_method: { method: string; count: number; amount: Amount }[];
    plan_due: Amount;
    /** Collections over plan_due, in percent (null when nothing fell due). */
    plan_pct: Amount | null;
  };
  channels: {
    agency_id: string;
    agency_name: string;
    reports: number;
    valid_reports: number;
    valid_pct: Amount | null;
    visits: number;
    subscriptions: number;
    subscription_amount: Amount;
    contracts: number;
    contract_amount: Amount;
    commission: Amount;
  }[] | null;
}

export interface WeekFigures {
  from: string;
  to: string;
  office: Figures;
  previous_office: Figures;
  rows: FigureRow[];
}

/** The unit statuses' colours in board order (UNIT_STATUSES), as on the 销控表 (可售 green … 不可售 grey). */
export const STOCK_COLORS = ["#73d13d", "#fadb14", "#fa8c16", "#f5222d", "#8c8c8c"];
