import type { ViewRow, With } from "../../lib/db-rows.ts";

/** A row of the view customer_list: a customer the caller may read, with its ownership state. */
export type CustomerRow = ViewRow<
  "customer_list",
  | "gender" | "grade" | "rooms" | "area_min" | "area_max" | "budget_max" | "purpose" | "note" | "lost_reason" | "owner_id" | "owner_name"
  | "last_follow_up_at" | "ownership_expires_at" | "created_by" | "id_type" | "id_no_masked" | "phone_tail"
>;

/** A row of the view customer_timeline. */
export type TimelineRow = With<ViewRow<"customer_timeline", "actor_id" | "actor_name">, { kind: TimelineKind; data: Record<string, unknown> }>;

export const TIMELINE_KINDS = [
  "registered",
  "visit",
  "call",
  "follow_up",
  "report",
  "discount",
  "subscription",
  "unit_change",
  "contract",
  "payment",
  "collision",
  "complaint",
  "audit",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What register_customer answers. */
export interface RegisterResult {
  outcome: "new" | "already_yours" | "collision" | "claimed_from_pool";
  customer_id: string;
  collision_id?: string;
  owner_name?: string;
}
