import type { CrudFilter } from "@refinedev/core";
import { PROJECT_RELATIONS } from "@so/shared/database.types";

const PROJECT_BOUND = new Set<string>(PROJECT_RELATIONS);

const namesProject = (filter: CrudFilter): boolean =>
  "field" in filter ? filter.field === "project_id" : filter.value.some(namesProject);

/** Keys of records that belong to one project: a list pinned to one of them is that record's. */
const RECORD_KEYS = new Set(["customer_id", "subscription_id", "contract_id", "unit_id", "approval_id", "report_id", "plan_item_id"]);
const pinnedToRecord = (filter: CrudFilter): boolean =>
  "field" in filter && filter.operator === "eq" && RECORD_KEYS.has(filter.field) && Boolean(filter.value);

/**
 * A list of a project-bound table or view (one with a `project_id` column, from the generated
 * types) is limited to the project in use, unless the caller names a project itself or asks for
 * every project it may see (`meta: { allProjects: true }`), or pins the list to one record (a
 * customer's timeline, a contract's payments): that record's project decides, so a link into another
 * of the person's projects shows the record whole. With no project known yet such a list is empty
 * rather than every project's rows.
 */
export function scopeToProject(
  resource: string,
  filters: CrudFilter[] | undefined,
  meta: { allProjects?: boolean } | undefined,
  projectId: string | null,
): CrudFilter[] | undefined | "none" {
  if (!PROJECT_BOUND.has(resource) || meta?.allProjects || filters?.some(namesProject) || filters?.some(pinnedToRecord)) return filters;
  if (!projectId) return "none";
  return [...(filters ?? []), { field: "project_id", operator: "eq", value: projectId }];
}
