import type { AccessControlProvider } from "@refinedev/core";
import { decide } from "../access/policy.ts";
import type { AccessRules } from "../access/rules.ts";
import i18next from "../i18n/index.ts";
import { RESOURCES } from "../resources.ts";
import { currentProjectStore } from "../session/current-project-store.ts";
import { effectiveRoles, resolveProject } from "../session/identity.ts";
import { loadIdentity } from "../session/identity-cache.ts";

export const ACCESS_RULES: Record<string, AccessRules> = Object.fromEntries(RESOURCES.map((r) => [r.name, r.access]));

/**
 * refine's own buttons (edit, delete, create …) by the signed-in person's roles in the current
 * project (read from `staff_projects`), per the rules in `resources.ts`; the menu, the pages and
 * the screens' own buttons make the same decision at once with useAccess (hooks/use-allowed.ts).
 * This only hides what the database would refuse anyway; RLS and the RPC functions stay the authority.
 *
 * Decisions depend on the current project, which refine's cache keys do not know: they are
 * not cached (gcTime 0), and the layout remounts when the project changes.
 */
export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    const identity = await loadIdentity().catch(() => null);
    if (!identity) return { can: false, reason: i18next.t("errors.sessionExpired") };
    const roles = effectiveRoles(identity, resolveProject(identity, currentProjectStore.get()));
    const decision = decide(ACCESS_RULES, roles, resource, action);
    return decision.can ? { can: true } : { can: false, reason: i18next.t("buttons.notAccessTitle") };
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    queryOptions: { staleTime: 0, gcTime: 0 },
  },
};
