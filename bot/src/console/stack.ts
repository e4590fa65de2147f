import { loadConfig, LOCAL_SUPABASE_URL, type SupabaseConfig } from "../config.ts";

export interface ConsoleStack {
  supabase: SupabaseConfig;
  /** Stops the local stack if the console started it. */
  stop(): Promise<void>;
}

async function answersLikeOurStack(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/auth/v1/health`, { signal: AbortSignal.timeout(5000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * SUPABASE_URL when set; else the local stack on 54321 — reused when it is already running
 * (npm start), started here (and stopped on exit) when it is not.
 */
export async function ensureStack(say: (line: string) => void): Promise<ConsoleStack> {
  const config = loadConfig();
  if (!config.supabase.local) return { supabase: config.supabase, stop: async () => {} };

  const { isPortFree } = await import("@so/supabase/local/ports");
  if (!(await isPortFree(54321))) {
    if (await answersLikeOurStack(LOCAL_SUPABASE_URL)) {
      say(`使用已在运行的本地 Supabase Using the running local stack: ${LOCAL_SUPABASE_URL}`);
      return { supabase: config.supabase, stop: async () => {} };
    }
    throw new Error(
      `端口 54321 已被其他程序占用。Port 54321 is taken by something that is not the local Supabase stack.`,
    );
  }
  say("正在启动本地 Supabase… Starting the local Supabase stack…");
  const { startLocalStack } = await import("@so/supabase/local");
  const stack = await startLocalStack();
  return { supabase: { ...config.supabase, url: stack.url }, stop: () => stack.stop() };
}
