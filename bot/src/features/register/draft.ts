import type { RpcArgs } from "../../db/clients.ts";
import { wanToYuan } from "../common/format.ts";
import type { CustomerDraft } from "../../nlu/schema.ts";

export type { CustomerDraft };

export const emptyDraft = (): CustomerDraft => ({
  name: null, phone: null, gender: null, source: null, grade: null, rooms: null,
  area_min: null, area_max: null, budget_max_wan: null, purpose: null, note: null,
});

/**
 * register_customer's arguments for a confirmed draft (checked against the SQL signature). The
 * dialogue asks name, phone and source before; an empty one is refused by the database. A field
 * not given is left out, so the function's default (null) applies.
 */
export function registerArgs(projectId: string, d: CustomerDraft): RpcArgs<"register_customer"> {
  return {
    p_project_id: projectId,
    p_name: d.name ?? "",
    p_phone: d.phone ?? "",
    p_source: d.source ?? "",
    p_gender: d.gender ?? undefined,
    p_grade: d.grade ?? undefined,
    p_rooms: d.rooms ?? undefined,
    p_area_min: d.area_min ?? undefined,
    p_area_max: d.area_max ?? undefined,
    p_budget_max: d.budget_max_wan === null ? undefined : wanToYuan(d.budget_max_wan),
    p_purpose: d.purpose ?? undefined,
    p_note: d.note ?? undefined,
  };
}

/** What register_customer answers. */
export interface Registered {
  outcome: "new" | "already_yours" | "collision" | "claimed_from_pool";
  customer_id: string;
  collision_id?: string;
  owner_name?: string;
}

export type Field = "name" | "phone" | "source" | "grade" | "needs" | "gender" | "note";
export const FIELDS: readonly Field[] = ["name", "phone", "source", "grade", "needs", "gender", "note"];
