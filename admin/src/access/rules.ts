import type { Role } from "../session/roles.ts";

export type ResourceAction = "list" | "show" | "create" | "edit" | "delete";

/** Anyone signed in, with or without a project (the dashboard explains what to do then). */
export const SIGNED_IN = "signed_in" as const;

/**
 * Which roles may do an action on a resource. An action left out is refused to everyone;
 * `show` falls back to `list`, `clone` to `create`.
 */
export type AccessRules = Partial<Record<ResourceAction, readonly Role[] | typeof SIGNED_IN>>;
