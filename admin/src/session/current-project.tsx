import { useGetIdentity } from "@refinedev/core";
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { currentProjectStore, lastProject } from "./current-project-store.ts";
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
    return {
      project,
      projects: identity?.memberships ?? [],
      roles: effectiveRoles(identity, project),
      identity: identity ?? null,
      ready: !isLoading,
      setProject: currentProjectStore.set,
    };
  }, [identity, storedId, isLoading]);
  // Remembered for the next start (preload.ts): the board's data can be asked for at once.
  const userId = identity?.id;
  const projectId = value.project?.projectId;
  useEffect(() => {
    if (userId && projectId) lastProject.set(userId, projectId);
  }, [userId, projectId]);
  return <CurrentProjectContext.Provider value={value}>{children}</CurrentProjectContext.Provider>;
}

/** The project chosen in the header and the person's roles there. */
export function useCurrentProject(): CurrentProject {
  const value = useContext(CurrentProjectContext);
  if (!value) throw new Error("useCurrentProject() must be used inside <CurrentProjectProvider>");
  return value;
}
