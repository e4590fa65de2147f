import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalStack, StackError, type LocalStack } from "../supabase/local/index.ts";
import { printStackBanner } from "../supabase/local/banner.ts";
import { isPortFree } from "../supabase/local/ports.ts";
import { startAdmin } from "../admin/serve.ts";
import { loadEnvFile } from "../shared/src/env-file.ts";
import { supabaseKeysFromEnv } from "../shared/src/supabase-keys.ts";

/**
 * `npm start`: the local Supabase stack (unless SUPABASE_URL points at a hosted project), the admin
 * on http://localhost:5173, and the bot when TELEGRAM_BOT_TOKEN is set. Ctrl-C stops everything.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// .env first: everything below reads process.env (variables already exported win).
const envFile = loadEnvFile();
const ADMIN_PORT = Number(process.env.ADMIN_PORT ?? 5173);
const children: ChildProcess[] = [];
/** Pending restarts of a child that exited: cancelled when everything stops. */
const restartTimers = new Set<NodeJS.Timeout>();
let stack: LocalStack | undefined;
let stopAdmin: (() => Promise<void>) | undefined;
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const timer of restartTimers) clearTimeout(timer);
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  await stopAdmin?.().catch(() => {});
  await stack?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

/**
 * A child (the bot) that exits on its own is started again after a pause that grows; one that keeps
 * failing within a minute of its start, five times in a row, stops everything with a clear message.
 */
const CHILD_BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
function runChild(name: string, command: string, args: string[], env: Record<string, string>, failures = 0) {
  const startedAt = Date.now();
  const child = spawn(command, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  child.on("error", (error) => console.error(`${name}: ${error.message}`));
  child.on("exit", (code, signal) => {
    children.splice(children.indexOf(child), 1);
    if (stopping) return;
    const inARow = Date.now() - startedAt >= 60_000 ? 0 : failures;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (inARow >= CHILD_BACKOFF_MS.length) {
      console.error(
        `${name} 连续 ${inARow + 1} 次在启动后很快退出（${how}），正在停止全部服务。\n` +
          `${name} exited soon after its start ${inARow + 1} times in a row (${how}); stopping everything.`,
      );
      void stopAll(1);
      return;
    }
    const pause = CHILD_BACKOFF_MS[inARow];
    console.error(`${name} 已退出（${how}），${pause} ms 后重启。${name} exited (${how}); restarting in ${pause} ms.`);
    const timer = setTimeout(() => !stopping && runChild(name, command, args, env, inARow + 1), pause);
    restartTimers.add(timer);
  });
  children.push(child);
}

async function main() {
  if (envFile) console.log(`已读取 Loaded ${path.relative(repo, envFile)}`);
  let supabaseUrl = process.env.SUPABASE_URL;
  // New key names first (SUPABASE_PUBLISHABLE_KEY / SUPABASE_SECRET_KEY), the legacy names still read.
  let { publishableKey: anonKey, secretKey: serviceKey } = supabaseKeysFromEnv(process.env);

  if (supabaseUrl) {
    if (!anonKey) {
      throw new StackError(
        "设置了 SUPABASE_URL 时也必须设置 SUPABASE_PUBLISHABLE_KEY（或旧名 SUPABASE_ANON_KEY）。SUPABASE_PUBLISHABLE_KEY (or the legacy SUPABASE_ANON_KEY) is required with SUPABASE_URL.",
      );
    }
    console.log(`使用托管 Supabase Using hosted Supabase: ${supabaseUrl}`);
  } else {
    if (!(await isPortFree(ADMIN_PORT))) {
      throw new StackError(`端口 ${ADMIN_PORT}（admin）已被占用。Port ${ADMIN_PORT} (admin) is already in use.`);
    }
    console.log("正在启动本地 Supabase… Starting the local Supabase stack…");
    stack = await startLocalStack({
      log: process.env.DEBUG ? (l) => console.error(l) : () => {},
      // With the bot running here, a notification waiting five minutes for it makes /health say so.
      outboxLagLimitSeconds: process.env.TELEGRAM_BOT_TOKEN ? 300 : null,
    });
    // Postgres would not come back: the stack has stopped its children and said why; stop the rest.
    stack.onFatal(() => void stopAll(1));
    printStackBanner(stack);
    console.log(`健康检查 Health  ${stack.url}/health`);
    supabaseUrl = stack.url;
    anonKey = stack.publishableKey;
    serviceKey = stack.secretKey;
  }

  const admin = await startAdmin({ port: ADMIN_PORT, host: "localhost", supabaseUrl, anonKey: anonKey!, mode: "dev", logLevel: "warn" });
  stopAdmin = admin.stop;
  console.log(`\n管理后台 Admin: ${admin.url}`);

  const botEnv = {
    SUPABASE_URL: supabaseUrl,
    SUPABASE_PUBLISHABLE_KEY: anonKey!,
    ...(serviceKey ? { SUPABASE_SECRET_KEY: serviceKey } : {}),
  };
  if (process.env.TELEGRAM_BOT_TOKEN) {
    runChild("bot", process.execPath, [path.join(repo, "node_modules/tsx/dist/cli.mjs"), "bot/src/main.ts"], botEnv);
    console.log("Telegram 机器人已启动 Telegram bot started.");
  } else {
    console.log("未设置 TELEGRAM_BOT_TOKEN：可在终端试用机器人 npm run bot:console\nNo TELEGRAM_BOT_TOKEN: try the bot in the terminal with npm run bot:console");
  }
  console.log("按 Ctrl-C 停止 Press Ctrl-C to stop.\n");
}

main().catch(async (error) => {
  console.error(error instanceof StackError ? error.message : error);
  await stopAll(1);
});
