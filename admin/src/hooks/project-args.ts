import type { HttpError } from "@refinedev/core";
import { errorText } from "../providers/postgrest-error.ts";
import type { ProjectRpcArgs, ProjectRpcName, RpcArgs } from "../providers/rpc-types.ts";

/** A function's arguments with `p_project_id` set to the project in use (it wins over one smuggled into `args`). */
export const withProject = <F extends ProjectRpcName>(args: ProjectRpcArgs<F>, projectId: string): RpcArgs<F> =>
  // Omit<Args, "p_project_id"> plus the project is Args; TypeScript cannot see that for a generic F.
  ({ ...args, p_project_id: projectId }) as unknown as RpcArgs<F>;

/**
 * What useProjectRpc sends: the arguments with the project in use; with none known yet, a refusal
 * in the UI language (shaped like the database's, so forms show it the same way) instead of a
 * call with an empty project.
 */
export function projectArgs<F extends ProjectRpcName>(args: ProjectRpcArgs<F>, projectId: string | null | undefined, locale: string): RpcArgs<F> {
  if (!projectId) {
    const refusal: HttpError = { message: errorText("noProject", locale), statusCode: 400, details: "no_project" };
    throw refusal;
  }
  return withProject<F>(args, projectId);
}
