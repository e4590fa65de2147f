import type { Tables } from "@so/shared/database.types";
import type { ViewRow, With } from "../../lib/db-rows.ts";
/** A row of customer_collisions with the names the list shows. */
export type CollisionRow = With<
  Omit<Tables<"customer_collisions">, "project_id" | "decided_by">,
  {
    status: "open" | "kept" | "transferred";
    /** Null when the reader may not see the customer (a claimant sees only the collision). */
    customer: (Pick<Tables<"customers">, "id" | "name" | "phone" | "owner_id"> & { owner: Pick<Tables<"staff">, "name"> | null }) | null;
    owner: Pick<Tables<"staff">, "name"> | null;
    claimant: Pick<Tables<"staff">, "name"> | null;
    decider: Pick<Tables<"staff">, "name"> | null;
  }
>;

export const COLLISION_SELECT =
  "id, created_at, status, claimant_name, source, note, decided_at, decision_reason, customer_id, owner_id, claimant_id, " +
  "customer:customers(id, name, phone, owner_id, owner:staff!customers_owner_id_fkey(name)), " +
  "owner:staff!customer_collisions_owner_id_fkey(name), claimant:staff!customer_collisions_claimant_id_fkey(name), " +
  "decider:staff!customer_collisions_decided_by_fkey(name)";
