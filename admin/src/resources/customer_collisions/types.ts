/** A row of customer_collisions with the names the list shows. */
export interface CollisionRow {
  id: string;
  created_at: string;
  status: "open" | "kept" | "transferred";
  claimant_name: string | null;
  source: string | null;
  note: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  customer_id: string;
  owner_id: string | null;
  claimant_id: string;
  /** Null when the reader may not see the customer (a claimant sees only the collision). */
  customer: { id: string; name: string; phone: string; owner_id: string | null; owner: { name: string } | null } | null;
  owner: { name: string } | null;
  claimant: { name: string } | null;
  decider: { name: string } | null;
}

export const COLLISION_SELECT =
  "id, created_at, status, claimant_name, source, note, decided_at, decision_reason, customer_id, owner_id, claimant_id, " +
  "customer:customers(id, name, phone, owner_id, owner:staff!customers_owner_id_fkey(name)), " +
  "owner:staff!customer_collisions_owner_id_fkey(name), claimant:staff!customer_collisions_claimant_id_fkey(name), " +
  "decider:staff!customer_collisions_decided_by_fkey(name)";
