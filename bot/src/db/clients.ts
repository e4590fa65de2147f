import type { SupabaseClient } from "@supabase/supabase-js";
import { createNodeClient } from "@so/shared/supabase-node";

export type Db = SupabaseClient;

/** Informational only: the audit log's surface comes from the `surface` claim of the staff token (jwt.ts). */
const SURFACE_HEADERS = { "x-surface": "bot" };

/** The bot itself (service role, bypasses RLS): only for binding, identity look-up and bot state. */
export function createServiceClient(url: string, serviceRoleKey: string): Db {
  return createNodeClient(url, serviceRoleKey, { global: { headers: SURFACE_HEADERS } });
}

/** A client acting as one staff member, with a JWT minted for them: RLS decides as in the admin. */
export function createStaffClient(url: string, anonKey: string, accessToken: string): Db {
  return createNodeClient(url, anonKey, {
    global: { headers: { ...SURFACE_HEADERS, Authorization: `Bearer ${accessToken}` } },
  });
}
