import type { CustomParams, CustomResponse, HttpError } from "@refinedev/core";
import type { SupabaseClient } from "@supabase/supabase-js";
import { errorText, toHttpError } from "./postgrest-error.ts";

const RPC_URL = /^\/?rpc\/([A-Za-z_][A-Za-z0-9_]*)$/;

/** `rpc/<function>` → the function's name; anything else → null. */
export const rpcFunctionName = (url: string): string | null => RPC_URL.exec(url.trim())?.[1] ?? null;

/**
 * refine's `custom()` for Supabase: `url` must be `rpc/<function>`; the arguments are `payload`
 * (POST, the default for useCustomMutation) or `query` (GET, for read-only functions).
 * Resolves to `{ data: <the function's result> }`; rejects with an HttpError (see toHttpError).
 */
export async function callRpc<T>(client: SupabaseClient, params: CustomParams, locale = "zh-CN"): Promise<CustomResponse<T>> {
  const fn = rpcFunctionName(params.url);
  if (!fn) {
    const error: HttpError = { message: errorText("notRpc", locale, { url: params.url }), statusCode: 400, details: "not_rpc" };
    throw error;
  }
  const get = params.method === "get";
  const args = (get ? (params.query ?? params.payload) : (params.payload ?? params.query)) ?? {};
  const target = params.meta?.schema ? client.schema(String(params.meta.schema)) : client;
  const { data, error } = await target.rpc(fn, args as Record<string, unknown>, { get }).then(
    (r) => r,
    (thrown: unknown) => ({ data: null, error: thrown }),
  );
  if (error) throw toHttpError(error, locale);
  return { data: data as T };
}
