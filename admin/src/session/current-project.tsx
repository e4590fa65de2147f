import { useGetIdentity } from "@refinedev/core";
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { currentProjectStore, projectInUse } from "./current-project-store.ts";
import { effectiveRoles, resolveProject, type Membership, type StaffIdentity } from "./identity.ts";
import type { Role } from "./roles.ts";

export interface CurrentProject {
  /** The project in use; null when the person belongs to none. */
  project: Membership | null;
  /** Every project the person belongs to (the switcher's choices). */
  projects: Membership[];
  /** The person's roles in the project in use (admin counts everywhere). */
  roles: Role[];
  identity: StaffIdentity | null;
  /** False while the identity is loading. */
  ready: boolean;
  setProject(projectId: string): void;
}

const CurrentProjectContext = createContext<CurrentProject | null>(null);

export function CurrentProjectProvider({ children }: { children: ReactNode }) {
  const { data: identity, isLoading } = useGetIdentity<StaffIdentity | null>();
  const storedId = useSyncExternalStore(currentProjectStore.subscribe, currentProjectStore.get);
  const value = useMemo<CurrentProject>(() => {
    const project = resolveProject(identity, storedId);
    projectInUse.set(project?.projectId ?? null);
    return {
      project,
      projects: identity?.memberships ?? [],
      roles: effectiveRoles(identity, project),
      identity: identity ?? null,
      ready: !isLoading,
      setProject: currentProjectStore.set,
    };
  }, [identity, storedId, isLoading]);
  return <CurrentProjectContext.Provider value={value}>{children}</CurrentProjectContext.Provider>;
}

/** The project chosen in the header and the person's roles there. */
export function useCurrentProject(): CurrentProject {
  const value = useContext(CurrentProjectContext);
  if (!value) throw new Error("useCurrentProject() must be used inside <CurrentProjectProvider>");
  return value;
}
