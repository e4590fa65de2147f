import { wanToYuan } from "../common/format.ts";
import type { CustomerDraft } from "../../nlu/schema.ts";

export type { CustomerDraft };

export const emptyDraft = (): CustomerDraft => ({
  name: null, phone: null, gender: null, source: null, grade: null, rooms: null,
  area_min: null, area_max: null, budget_max_wan: null, purpose: null, note: null,
});

/** register_customer's arguments for a confirmed draft. */
export function registerArgs(projectId: string, d: CustomerDraft): Record<string, unknown> {
  return {
    p_project_id: projectId,
    p_name: d.name,
    p_phone: d.phone,
    p_source: d.source,
    p_gender: d.gender,
    p_grade: d.grade,
    p_rooms: d.rooms,
    p_area_min: d.area_min,
    p_area_max: d.area_max,
    p_budget_max: d.budget_max_wan === null ? null : wanToYuan(d.budget_max_wan),
    p_purpose: d.purpose,
    p_note: d.note,
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
