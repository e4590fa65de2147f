import { createClient, type SupabaseClient, type SupabaseClientOptions } from "@supabase/supabase-js";
import WebSocket from "ws";

/**
 * supabase-js for Node 20 (the bot, tests, benchmarks): Node 20 has no global WebSocket, which
 * supabase-js's realtime client insists on at construction, so `ws` is handed to it. No session
 * is persisted: each client holds its own. Typed with the generated `Database` when given it.
 */
export function createNodeClient<DB = any>(url: string, key: string, options: SupabaseClientOptions<"public"> = {}): SupabaseClient<DB> {
  return createClient(url, key, {
    ...options,
    auth: { persistSession: false, autoRefreshToken: false, ...options.auth },
    realtime: { transport: WebSocket as never, ...options.realtime },
  }) as unknown as SupabaseClient<DB>;
}
