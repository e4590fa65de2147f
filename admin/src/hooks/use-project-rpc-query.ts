import type { ProjectRpcArgs, ProjectRpcName, RpcArgs } from "../providers/rpc-types.ts";
import { useCurrentProject } from "../session/current-project.tsx";
import { useRpcQuery } from "./use-rpc-query.ts";

type Options = NonNullable<Parameters<typeof useRpcQuery>[2]>;

/**
 * useRpcQuery for a function of the project in use: the caller leaves out `p_project_id` (only a
 * function that takes one is accepted) and it is filled from the header's project; nothing is
 * asked before a project is known. A page reading another project's figures uses useRpcQuery.
 */
export function useProjectRpcQuery<F extends ProjectRpcName>(fn: F, args: ProjectRpcArgs<F>, options: Options = {}) {
  const projectId = useCurrentProject().project?.projectId;
  const enabled = Boolean(projectId) && (options.queryOptions?.enabled ?? true);
  // Omit<Args, "p_project_id"> plus the project is Args; TypeScript cannot see that for a generic F.
  const full = { ...args, p_project_id: projectId ?? "" } as unknown as RpcArgs<F>;
  return useRpcQuery(fn, full, { ...options, queryOptions: { ...options.queryOptions, enabled } });
}
