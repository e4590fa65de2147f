import type { CustomParams, CustomResponse, HttpError } from "@refinedev/core";
import type { DbClient } from "@so/shared/db-client";
import { errorText, toHttpError } from "./postgrest-error.ts";
import { rpcUrl, type RpcArgs, type RpcName, type RpcResult } from "./rpc-types.ts";

const RPC_URL = /^\/?rpc\/([A-Za-z_][A-Za-z0-9_]*)$/;

/** `rpc/<function>` → the function's name; anything else → null. */
export const rpcFunctionName = (url: string): string | null => RPC_URL.exec(url.trim())?.[1] ?? null;

/**
 * refine's `custom()` for Supabase: `url` must be `rpc/<function>`; the arguments are `payload`
 * (POST, the default for useCustomMutation) or `query` (GET, for read-only functions).
 * Resolves to `{ data: <the function's result> }`; rejects with an HttpError (see toHttpError).
 */
export async function callRpc<T>(client: DbClient, params: CustomParams, locale = "zh-CN"): Promise<CustomResponse<T>> {
  const fn = rpcFunctionName(params.url);
  if (!fn) {
    const error: HttpError = { message: errorText("notRpc", locale, { url: params.url }), statusCode: 400, details: "not_rpc" };
    throw error;
  }
  const get = params.method === "get";
  const args = (get ? (params.query ?? params.payload) : (params.payload ?? params.query)) ?? {};
  // refine's custom() hands the name and arguments over as data: checked by the database, typed by callFunction/useRpc.
  const target = (params.meta?.schema ? client.schema(String(params.meta.schema) as "public") : client) as unknown as {
    rpc: (fn: string, args: object, options: { get: boolean }) => PromiseLike<{ data: unknown; error: unknown }>;
  };
  const { data, error } = await Promise.resolve(target.rpc(fn, args, { get })).then(
    (r) => r,
    (thrown: unknown) => ({ data: null, error: thrown }),
  );
  if (error) throw toHttpError(error, locale);
  return { data: data as T };
}

/** One database function called outside refine's hooks, typed by its name (see useRpc for forms). */
export async function callFunction<F extends RpcName>(
  client: DbClient,
  fn: F,
  args: RpcArgs<F>,
  options: { get?: boolean; locale?: string } = {},
): Promise<CustomResponse<RpcResult<F>>> {
  const method = options.get ? "get" : "post";
  return callRpc<RpcResult<F>>(client, { url: rpcUrl(fn), method, [options.get ? "query" : "payload"]: args } as CustomParams, options.locale);
}
