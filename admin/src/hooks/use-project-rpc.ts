import type { HttpError } from "@refinedev/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectRpcArgs, ProjectRpcName, RpcArgs, RpcResult } from "../providers/rpc-types.ts";
import { useCurrentProject } from "../session/current-project.tsx";
import { projectArgs } from "./project-args.ts";
import { useRpc, type RpcOptions } from "./use-rpc.ts";

/**
 * useRpc for a function of the project in use: the caller leaves out `p_project_id` (only a
 * function that takes one is accepted) and it is filled from the header's project, as
 * useProjectRpcQuery does for reads. Before a project is known `call` rejects, and `error` holds
 * the refusal, rather than sending an empty project. A screen acting on another project (a
 * record's own, one picked in the form) uses useRpc.
 */
export function useProjectRpc<F extends ProjectRpcName>(fn: F, options?: RpcOptions) {
  const projectId = useCurrentProject().project?.projectId;
  const { i18n } = useTranslation();
  const { call: send, pending, error, reset: resetRpc } = useRpc(fn, options);
  const [refusal, setRefusal] = useState<HttpError | null>(null);
  const call = useCallback(
    async (args: ProjectRpcArgs<F>): Promise<RpcResult<F>> => {
      let full: RpcArgs<F>;
      try {
        full = projectArgs<F>(args, projectId, i18n.language);
      } catch (refused) {
        setRefusal(refused as HttpError);
        throw refused;
      }
      setRefusal(null);
      return send(full);
    },
    [send, projectId, i18n.language],
  );
  const reset = useCallback(() => {
    setRefusal(null);
    resetRpc();
  }, [resetRpc]);
  return { call, pending, error: refusal ?? error, reset };
}
