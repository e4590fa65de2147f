import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUPABASE_DIR } from "../local/config.ts";
import { DEMO_ACCOUNTS } from "../local/demo-accounts.ts";
import { sql } from "./support/clients.ts";

// Demo data that real GoTrue accepts, and that never lands on a real project by accident.

describe("demo data", () => {
  it("has the accounts as GoTrue writes them: string token columns, timestamps, one email identity each", async () => {
    const users = await sql<{ email: string; bad: string[]; identities: number; identity_email: string | null }>(
      `select u.email,
              array_remove(array[
                case when u.confirmation_token is null then 'confirmation_token' end,
                case when u.recovery_token is null then 'recovery_token' end,
                case when u.email_change_token_new is null then 'email_change_token_new' end,
                case when u.email_change is null then 'email_change' end,
                case when u.created_at is null then 'created_at' end,
                case when u.updated_at is null then 'updated_at' end], null) as bad,
              (select count(*)::int from auth.identities i
                where i.user_id = u.id and i.provider = 'email' and i.provider_id = u.id::text) as identities,
              (select i.email from auth.identities i where i.user_id = u.id and i.provider = 'email') as identity_email
         from auth.users u where u.email = any($1) order by u.email`,
      [DEMO_ACCOUNTS.map((a) => a.email)],
    );
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    for (const u of users) expect(u, u.email).toEqual({ email: u.email, bad: [], identities: 1, identity_email: u.email });
  });

  it("is not seeded by the Supabase CLI (db reset --linked, db push) unless asked for", () => {
    const config = fs.readFileSync(path.join(SUPABASE_DIR, "config.toml"), "utf8");
    const seedSection = /\[db\.seed\]([\s\S]*?)(\n\[|$)/.exec(config)?.[1] ?? "";
    expect(seedSection).toMatch(/^enabled\s*=\s*false\s*$/m);
  });
});
