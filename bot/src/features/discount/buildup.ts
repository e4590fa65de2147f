import type { Db } from "../../db/clients.ts";
import { rows } from "../common/rpc.ts";

/** What price_buildup answers (amounts as exact strings). */
export interface Buildup {
  unit_label: string;
  list_price: string;
  steps: { policy: string; kind: "factor" | "amount"; factor?: string; amount?: string; price_after: string }[];
  policies: { id: string; name: string }[];
  price_after_policies: string;
  requested_price: string | null;
  special_discount_amount: string;
  depth_pct: string;
  needs_approval: boolean;
  beyond_authority: boolean;
  chain: string[] | null;
}

export interface Policy {
  id: string;
  name: string;
}

/** A policy as policy_options() judges it for this payment method and customer. */
export interface PolicyOption extends Policy {
  applicable: boolean;
  /** The database's zh-CN reason when it does not fit (e.g. 仅适用于一次性付款). */
  reason: string | null;
}

/** What request_discount answers. */
export interface Requested {
  id: string;
  approval_id: string;
  chain: string[];
  lapses_at: string;
}
