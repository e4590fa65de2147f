import type { Database } from "@so/shared/database.types";
import { createClient } from "@supabase/supabase-js";

/** The local stack's defaults (`npm start`), the Supabase CLI's well-known local anon key. */
const LOCAL_SUPABASE_URL = "http://127.0.0.1:54321";
const LOCAL_ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";

/**
 * `VITE_SUPABASE_URL` is either an absolute URL (hosted Supabase, or the local gateway) or a
 * path such as "/": the API is then served by the admin's own origin (serve.ts proxies
 * /rest/v1 and /auth/v1 there), which spares the browser cross-origin requests.
 */
export function resolveSupabaseUrl(value: string | undefined, origin: string): string {
  const url = value?.trim() || LOCAL_SUPABASE_URL;
  return url.startsWith("/") ? new URL(url, origin).toString().replace(/\/$/, "") : url;
}

export const supabaseUrl = resolveSupabaseUrl(import.meta.env.VITE_SUPABASE_URL, window.location.origin);
/** The publishable key (`sb_publishable_…`), or the legacy anon JWT key: either works. */
export const supabaseAnonKey =
  import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY?.trim() || import.meta.env.VITE_SUPABASE_ANON_KEY?.trim() || LOCAL_ANON_KEY;

/**
 * The one supabase-js client of the admin. Every request carries `x-surface: admin`: the
 * database records it as the surface in the audit log.
 */
export const supabase = createClient<Database>(supabaseUrl, supabaseAnonKey, {
  global: { headers: { "x-surface": "admin" } },
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false },
});
