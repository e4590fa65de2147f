/** A row of the view customer_list: a customer the caller may read, with its ownership state. */
export interface CustomerRow {
  id: string;
  project_id: string;
  name: string;
  phone: string;
  gender: "male" | "female" | null;
  source: string;
  grade: "A" | "B" | "C" | "D" | null;
  rooms: number | null;
  area_min: number | null;
  area_max: number | null;
  budget_max: number | null;
  purpose: "self" | "invest" | null;
  note: string | null;
  status: "new" | "following" | "subscribed" | "signed" | "lost";
  lost_reason: string | null;
  owner_id: string | null;
  owner_name: string | null;
  owned_since: string;
  last_follow_up_at: string | null;
  ownership_expires_at: string | null;
  /** In the public pool (公客池): no owner, or the ownership lapsed. */
  in_pool: boolean;
  /** Whole days since the last valid follow-up (since registration when none). */
  idle_days: number;
  created_at: string;
  /** 证件类型 and the masked 证件号码 (3301**********1234); the full number only via customer_id_document. */
  id_type?: string | null;
  id_no_masked?: string | null;
}

/** A row of the view customer_timeline. */
export interface TimelineRow {
  id: string;
  customer_id: string;
  at: string;
  kind: TimelineKind;
  actor_id: string | null;
  actor_name: string | null;
  data: Record<string, unknown>;
}

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
