import type { Role } from "../session/roles.ts";
import { SIGNED_IN, type AccessRules, type ResourceAction } from "./rules.ts";

export interface Decision {
  can: boolean;
  /** The roles that would be allowed ([] when nobody is); absent when allowed. */
  required?: readonly Role[];
}

const FALLBACK: Record<string, ResourceAction> = { show: "list", clone: "create" };

/** The roles allowed to do `action` on a resource, or SIGNED_IN, or undefined (nobody). */
export function allowedRoles(rules: AccessRules | undefined, action: string): AccessRules[ResourceAction] {
  if (!rules) return undefined;
  return rules[action as ResourceAction] ?? (FALLBACK[action] ? rules[FALLBACK[action]] : undefined);
}

/** May someone with these roles (in the current project) do this? Unknown resources: no. */
export function decide(
  rulesByResource: Record<string, AccessRules>,
  roles: readonly Role[],
  resource: string | undefined,
  action: string,
): Decision {
  const allowed = allowedRoles(resource ? rulesByResource[resource] : undefined, action);
  if (allowed === SIGNED_IN) return { can: true };
  if (!allowed) return { can: false, required: [] };
  return roles.some((role) => allowed.includes(role)) ? { can: true } : { can: false, required: allowed };
}
