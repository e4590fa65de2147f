import type { ProjectRpcArgs, ProjectRpcName } from "../providers/rpc-types.ts";
import { useCurrentProject } from "../session/current-project.tsx";
import { withProject } from "./project-args.ts";
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
  return useRpcQuery(fn, withProject<F>(args, projectId ?? ""), { ...options, queryOptions: { ...options.queryOptions, enabled } });
}
