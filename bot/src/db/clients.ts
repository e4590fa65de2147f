import type { SupabaseClient } from "@supabase/supabase-js";
import { createNodeClient } from "@so/shared/supabase-node";

export type Db = SupabaseClient;

/**
 * Informational only: the audit log's surface comes from the session behind the token (the bot's
 * sessions are registered in the database, see staff-clients.ts), never from a header.
 */
export const SURFACE_HEADERS = { "x-surface": "bot" };

/** The bot itself (service role, bypasses RLS): only for binding, identity look-up and bot state. */
export function createServiceClient(url: string, serviceRoleKey: string): Db {
  return createNodeClient(url, serviceRoleKey, { global: { headers: SURFACE_HEADERS } });
}
