import { useCallback } from "react";
import { decide } from "../access/policy.ts";
import { ACCESS_RULES } from "../providers/access-control-provider.ts";
import { useCurrentProject } from "../session/current-project.tsx";

/**
 * What the signed-in person may do (the access rules of resources.ts, which mirror RLS), decided at
 * once from the roles already loaded for the project in use: the same decision the access-control
 * provider gives refine's own buttons, without a query round per check (a menu of forty entries
 * made forty, and the shell re-rendered as each settled).
 */
export function useAccess(): (resource: string, action: string) => boolean {
  const { identity, roles } = useCurrentProject();
  return useCallback((resource, action) => Boolean(identity) && decide(ACCESS_RULES, roles, resource, action).can, [identity, roles]);
}

/** May the signed-in person do this? (see useAccess) */
export function useAllowed(resource: string, action: string): boolean {
  return useAccess()(resource, action);
}
