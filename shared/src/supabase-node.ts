import { createClient, type SupabaseClientOptions } from "@supabase/supabase-js";
import WebSocket from "ws";
import type { Database } from "./database.types.ts";

/**
 * supabase-js for Node 20 (the bot, tests, benchmarks): Node 20 has no global WebSocket, which
 * supabase-js's realtime client insists on at construction, so `ws` is handed to it. No session
 * is persisted: each client holds its own.
 */
export function createNodeClient(url: string, key: string, options: SupabaseClientOptions<"public"> = {}) {
  return createClient<Database>(url, key, {
    ...options,
    auth: { persistSession: false, autoRefreshToken: false, ...options.auth },
    realtime: { transport: WebSocket as never, ...options.realtime },
  });
}
