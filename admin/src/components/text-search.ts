import type { CrudFilter } from "@refinedev/core";

/**
 * One search box over several columns (PostgREST `or=(a.ilike.*x*,b.ilike.*x*)`). Characters that
 * would break the or-filter's syntax are dropped; an empty box filters nothing.
 */
export function textSearch(fields: readonly string[], text: string | undefined): CrudFilter {
  const q = text?.trim().replace(/[%,()*]/g, "");
  return { key: "search", operator: "or", value: q ? fields.map((field) => ({ field, operator: "contains" as const, value: q })) : [] };
}
