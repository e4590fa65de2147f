import pg from "pg";
import { createServiceClient } from "../bot/src/db/clients.ts";
import { StaffClients } from "../bot/src/db/staff-clients.ts";
import { percentile, withBenchStack } from "./support.ts";

const ROUNDS = 40;
const KEY = "bench-bot-session-key-0123456789abcdef";

/**
 * What a staff session costs the bot (no JWT secret): a new one (bot_session_take → Auth admin
 * generate_link → verify → bot_session_save) and a refresh before expiry (take → refresh_token
 * grant → save), each measured on a fresh StaffClients (nothing cached in the process), through
 * the gateway of a private stack. Once made, a session is reused from memory for every update.
 */
export async function bench() {
  return withBenchStack(async (stack) => {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    const [me] = (
      await db.query<{ id: string; email: string; name: string }>(
        "update public.staff set telegram_user_id = 8800000002 where email = 'consultant2@demo.local' returning id, email, name",
      )
    ).rows;
    const service = createServiceClient(stack.url, stack.serviceRoleKey);
    const fresh = () =>
      new StaffClients({ url: stack.url, anonKey: stack.anonKey, serviceKey: stack.serviceRoleKey, sessionKey: KEY, service });

    const created: number[] = [];
    const refreshed: number[] = [];
    for (let i = 0; i < ROUNDS + 5; i++) {
      await db.query("delete from private.bot_auth_sessions where staff_id = $1", [me.id]);
      let t0 = performance.now();
      await fresh().forStaff(me);
      const made = performance.now() - t0;
      await db.query("update private.bot_auth_sessions set access_expires_at = now() + interval '30 seconds' where staff_id = $1", [me.id]);
      t0 = performance.now();
      await fresh().forStaff(me);
      const renewed = performance.now() - t0;
      if (i >= 5) {
        created.push(made);
        refreshed.push(renewed);
      }
    }
    await db.end();
    return {
      bench: "bot_session",
      rounds: ROUNDS,
      new_session_p50_ms: percentile(created, 50),
      new_session_p95_ms: percentile(created, 95),
      refresh_p50_ms: percentile(refreshed, 50),
      refresh_p95_ms: percentile(refreshed, 95),
    };
  });
}
