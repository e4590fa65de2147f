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

/** A function of one project: it takes `p_project_id` (not optional). */
export type ProjectRpcName = { [F in RpcName]: RpcArgs<F> extends { p_project_id: unknown } ? F : never }[RpcName];
/** Its arguments but the project, which the project helpers fill with the project in use (useProjectRpcQuery). */
export type ProjectRpcArgs<F extends ProjectRpcName> = Omit<RpcArgs<F>, "p_project_id">;
