import type { Database, Functions } from "@so/shared/database.types";
import type { RpcJsonResults } from "./rpc-results.ts";

/** A database function the admin may call: `rpc/<name>`. */
export type RpcName = keyof Database["public"]["Functions"];
/** Its arguments, as generated from the SQL signature: a wrong name or type is a compile error. */
export type RpcArgs<F extends RpcName> = Functions<F>["Args"];
/** Its result: generated, or for a function answering jsonb, the shape documented in rpc-results.ts. */
export type RpcResult<F extends RpcName> = F extends keyof RpcJsonResults ? RpcJsonResults[F] : Functions<F>["Returns"];
/** One row of a `returns table` function. */
export type RpcRow<F extends RpcName> = Functions<F>["Returns"] extends (infer R)[] ? R : never;

/** The refine `custom()` URL of a function. */
export const rpcUrl = (fn: RpcName): string => `rpc/${fn}`;

/** Arguments that name `p_project_id` (not an index signature, which names every key). */
type TakesProject<A> = string extends keyof A ? false : "p_project_id" extends keyof A ? true : false;
/**
 * A function of one project: it takes `p_project_id`, required or with a default (which the
 * project helpers never leave to it: they always send the project in use).
 */
export type ProjectRpcName = { [F in RpcName]: TakesProject<RpcArgs<F>> extends true ? F : never }[RpcName];
/** Its arguments but the project, which the project helpers fill with the project in use (useProjectRpcQuery, useProjectRpc). */
export type ProjectRpcArgs<F extends ProjectRpcName> = Omit<RpcArgs<F>, "p_project_id">;
