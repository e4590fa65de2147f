import type { Database } from "@so/shared/database.types";
import type { SupabaseClient } from "@supabase/supabase-js";
import { createNodeClient } from "@so/shared/supabase-node";

/** supabase-js typed with the generated schema: tables, views and RPC arguments are checked. */
export type Db = SupabaseClient<Database>;

type Functions = Database["public"]["Functions"];
/** The name of a database function the API exposes. */
export type Rpc = keyof Functions & string;
/** Its arguments as the generator read them from the SQL signature. */
export type RpcArgs<F extends Rpc> = Functions[F]["Args"];

/**
 * Informational only: the audit log's surface comes from the session behind the token (the bot's
 * sessions are registered in the database, see staff-clients.ts), never from a header.
 */
export const SURFACE_HEADERS = { "x-surface": "bot" };

/** The bot itself (service role, bypasses RLS): only for binding, identity look-up and bot state. */
export function createServiceClient(url: string, serviceRoleKey: string): Db {
  return createNodeClient(url, serviceRoleKey, { global: { headers: SURFACE_HEADERS } });
}
