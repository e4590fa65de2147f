import pg from "pg";
import { inject } from "vitest";
import type { DbClient } from "@so/shared/db-client";
import { createNodeClient } from "@so/shared/supabase-node";
import type { SupabaseClient } from "@supabase/supabase-js";
import { DEMO_PASSWORD } from "../../local/demo-accounts.ts";

export const stack = () => inject("stack");

/** An anonymous supabase-js client against the test stack. */
export const anonClient = (surface: "admin" | "bot" = "admin") =>
  createNodeClient(stack().url, stack().anonKey, { global: { headers: { "x-surface": surface } } });

/** A service-role client (bypasses RLS): for arranging test data, never for the thing under test. */
export const serviceClient = () => createNodeClient(stack().url, stack().serviceRoleKey);

/** A supabase-js client signed in as a demo account, e.g. signedIn("consultant1"). */
export async function signedIn(who: string, surface: "admin" | "bot" = "admin") {
  const client = anonClient(surface);
  const email = who.includes("@") ? who : `${who}@demo.local`;
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  if (error) throw new Error(`sign-in failed for ${email}: ${error.message}`);
  return client;
}

/**
 * The same client without the generated types, for tests that name tables or functions at run
 * time (the RLS grid, loops over tables) or call what is deliberately not in the public API.
 */
/**
 * How long an access token a test signs itself lives: ten minutes, or under scripts/at-utc.sh as
 * long as the auth service's own (PostgREST keeps the real clock there, hours after the faked one).
 */
export const mintedTokenLifetime = (): string => `${Number(process.env.LOCAL_ACCESS_TOKEN_SECONDS) || 600}s`;

export const untyped = (client: DbClient): SupabaseClient => client as unknown as SupabaseClient;

let pool: pg.Pool | undefined;
/** Direct superuser SQL against the test database: for arranging timestamps and checking rows. */
export function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []) {
  pool ??= new pg.Pool({ connectionString: stack().dbUrl, max: 4 });
  return pool.query<T>(text, params).then((r) => r.rows);
}
