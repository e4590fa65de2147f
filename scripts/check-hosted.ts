import { parseArgs } from "node:util";
import { loadEnvFile } from "../shared/src/env-file.ts";
import { supabaseKeysFromEnv } from "../shared/src/supabase-keys.ts";
import { checkHosted, formatReport } from "../supabase/hosted/check.ts";

/**
 * `npm run check:hosted [-- --email a@b.c]`: checks a live Supabase project from SUPABASE_URL,
 * SUPABASE_PUBLISHABLE_KEY (or SUPABASE_ANON_KEY), SUPABASE_SECRET_KEY (or SUPABASE_SERVICE_ROLE_KEY)
 * and, optionally, SUPABASE_DB_URL; the account to sign in with from CHECK_EMAIL / CHECK_PASSWORD.
 * Exit code 1 when a check fails.
 */
loadEnvFile();
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    workdir: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(`用法 Usage: npm run check:hosted [-- --email <账号 account>]
环境变量 Environment: SUPABASE_URL, SUPABASE_PUBLISHABLE_KEY, SUPABASE_SECRET_KEY, [SUPABASE_DB_URL], [CHECK_EMAIL, CHECK_PASSWORD]`);
  process.exit(0);
}
const url = process.env.SUPABASE_URL?.trim();
const { publishableKey, secretKey } = supabaseKeysFromEnv(process.env);
if (!url || !publishableKey) {
  console.error(
    "需要 SUPABASE_URL 与 SUPABASE_PUBLISHABLE_KEY（或 SUPABASE_ANON_KEY）。\nSUPABASE_URL and SUPABASE_PUBLISHABLE_KEY (or SUPABASE_ANON_KEY) are required.",
  );
  process.exit(2);
}
console.log(`检查 Checking ${url}\n`);
const results = await checkHosted({
  url,
  publishableKey,
  secretKey,
  dbUrl: process.env.SUPABASE_DB_URL?.trim() || undefined,
  workdir: values.workdir,
  email: values.email ?? (process.env.CHECK_EMAIL?.trim() || undefined),
  password: process.env.CHECK_PASSWORD,
});
console.log(formatReport(results));
process.exit(results.some((r) => r.status === "fail") ? 1 : 0);
