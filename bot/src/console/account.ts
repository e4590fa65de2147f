import type { Database } from "@so/shared/database.types";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@so/supabase/local/demo-accounts";
import { createNodeClient } from "@so/shared/supabase-node";
import type { SupabaseConfig } from "../config.ts";
import type { Db } from "../db/clients.ts";

export interface ConsoleAccount {
  staffId: string;
  name: string;
  email: string;
  telegramUserId: number;
  /** A fresh one-time code to bind through `/start <code>`, or null when already bound. */
  bindCode: string | null;
  /** Undo the binding the console made (nothing when it found one already). */
  release(): Promise<void>;
}

export const demoEmail = (who: string) => (who.includes("@") ? who : `${who}@demo.local`);

/** A Telegram id of our own for this account (far from real ones), the same on every run. */
export function fakeTelegramId(email: string): number {
  const index = DEMO_ACCOUNTS.findIndex((a) => a.email === email);
  if (index >= 0) return 9_000_000_000 + index + 1;
  let hash = 0;
  for (const ch of email) hash = (hash * 31 + ch.charCodeAt(0)) % 1_000_000;
  return 9_100_000_000 + hash;
}

/**
 * Sign in as the account (demo password, or BOT_CONSOLE_PASSWORD) and prepare its binding: when
 * its staff row has no Telegram id, a one-time code made by the person themself — the console then
 * binds it with `/start <code>` like a real user would.
 */
export async function prepareAccount(supabase: SupabaseConfig, who: string): Promise<ConsoleAccount> {
  const email = demoEmail(who);
  const user: Db = createNodeClient(supabase.url, supabase.anonKey, { global: { headers: { "x-surface": "bot" } } });
  const password = process.env.BOT_CONSOLE_PASSWORD ?? DEMO_PASSWORD;
  const signIn = await user.auth.signInWithPassword({ email, password });
  if (signIn.error || !signIn.data.user) {
    throw new Error(`无法以 ${email} 登录 Cannot sign in as ${email}: ${signIn.error?.message ?? "no user"}`);
  }
  const staffId = signIn.data.user.id;
  const { data: staff, error } = await user
    .from("staff")
    .select("name, telegram_user_id")
    .eq("id", staffId)
    .maybeSingle<{ name: string; telegram_user_id: number | null }>();
  if (error || !staff) throw new Error(`${email} 没有员工记录 has no staff row: ${error?.message ?? "not found"}`);

  if (staff.telegram_user_id) {
    return { staffId, name: staff.name, email, telegramUserId: Number(staff.telegram_user_id), bindCode: null, release: async () => {} };
  }
  const code = await user.rpc("create_telegram_bind_code", { p_staff_id: staffId });
  if (code.error) throw new Error(`无法生成绑定码 Cannot create a binding code: ${code.error.message}`);
  return {
    staffId,
    name: staff.name,
    email,
    telegramUserId: fakeTelegramId(email),
    bindCode: code.data as string,
    release: async () => {
      await user.auth.refreshSession();
      const { error: unbindError } = await user.rpc("unbind_telegram", { p_staff_id: staffId });
      if (unbindError) throw new Error(`解绑失败 Unbinding failed: ${unbindError.message}`);
    },
  };
}
