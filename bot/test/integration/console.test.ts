import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { sql, stack } from "../../../supabase/tests/support/clients.ts";
import { TEST_SESSION_KEY } from "./support/bot.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Resolves when `output()` contains `text`, re-checked on every chunk; rejects (with what was
 * printed) if the process ends first or nothing matches within the overall limit.
 */
function waitFor(child: ReturnType<typeof spawn>, output: () => string, text: string, limitMs = 90_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      child.stdout!.off("data", check);
      child.off("exit", onExit);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (output().includes(text)) done();
    };
    const onExit = (code: number | null) => done(new Error(`console exited (${code}) before printing "${text}":\n${output()}`));
    const timer = setTimeout(() => done(new Error(`no "${text}" from the console within ${limitMs} ms:\n${output()}`)), limitMs);
    child.stdout!.on("data", check);
    child.once("exit", onExit);
    check();
  });
}

describe("bot console (a real process)", () => {
  it("binds the demo account, answers /help in Chinese, and exits cleanly at end of input", { timeout: 120_000 }, async () => {
    const s = stack();
    const boundBefore = () =>
      sql<{ telegram_user_id: string | null }>("select telegram_user_id from public.staff where email = 'consultant1@demo.local'").then(
        ([row]) => row.telegram_user_id,
      );
    const before = await boundBefore();
    const child = spawn("npx", ["tsx", "bot/src/console.ts", "--as", "consultant1"], {
      cwd: repo,
      env: {
        ...process.env,
        SUPABASE_URL: s.url,
        SUPABASE_ANON_KEY: s.anonKey,
        SUPABASE_SERVICE_ROLE_KEY: s.serviceRoleKey,
        BOT_SESSION_KEY: TEST_SESSION_KEY,
        TELEGRAM_BOT_TOKEN: "",
      },
      stdio: ["pipe", "pipe", "pipe"],
      detached: true, // its own process group: npx, tsx and the console can be stopped together
    });
    onTestFinished(() => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    child.stdin.write("/help\n");
    const printed = () => `${stdout}\n--- stderr ---\n${stderr}`;
    // Other tests may give the demo consultant more projects: wait for the help, then read it.
    await waitFor(child, printed, "我可以为您做这些事：");
    expect(stdout).toMatch(/王芳（[^）]*云栖雅苑 · 置业顾问[^）]*），我可以为您做这些事：/);
    expect(stdout).toContain("• 置业顾问：");
    child.stdin.write("/lang\n");
    await waitFor(child, printed, "[1] ✓ 中文  [2] English");
    child.stdin.end();

    expect(await exited, stderr).toBe(0);
    expect(stdout).toContain("再见 Bye.");
    expect(stdout).not.toMatch(/出错了/);
    if (before === null) expect(stdout).toContain("绑定成功！您好，王芳。");
    // A binding made for the session is undone; one found already is left as it was.
    expect(await boundBefore()).toBe(before);
  });
});
