import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, REPO_DIR } from "@so/supabase/local/config";
import { supabaseKeysFromEnv } from "@so/shared/supabase-keys";

/** The local stack's gateway, used only when SUPABASE_URL is unset. */
export const LOCAL_SUPABASE_URL = "http://127.0.0.1:54321";

export interface SupabaseConfig {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /**
   * BOT_SESSION_KEY: encrypts the staff members' Auth sessions the bot keeps in the database
   * (pgcrypto). The bot needs no JWT secret: its sessions come from the Auth API.
   */
  sessionKey: string;
  /** True when SUPABASE_URL was unset and the local stack's well-known keys are used. */
  local: boolean;
}

export interface LlmConfig {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  /** Budget for one LLM reading before the rules answer (the parser's default when unset). */
  timeoutMs?: number;
  /** OPENAI_RESPONSE_FORMAT: json_schema (strict) or json_object; by endpoint when unset. */
  responseFormat?: "json_schema" | "json_object";
}

export interface BotConfig {
  telegramToken?: string;
  webhook?: { url: string; secret?: string; port: number };
  supabase: SupabaseConfig;
  llm?: LlmConfig;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;
const value = (env: Env, name: string) => env[name]?.trim() || undefined;

/**
 * The bot's environment. With SUPABASE_URL set, its keys are required (nothing local is assumed);
 * without it, the local stack's well-known defaults from supabase/local/config.ts apply.
 */
export function loadConfig(env: Env = process.env): BotConfig {
  const url = value(env, "SUPABASE_URL");
  let supabase: SupabaseConfig;
  if (url) {
    // New key names first (SUPABASE_PUBLISHABLE_KEY / SUPABASE_SECRET_KEY), the legacy ones still read.
    const keys = supabaseKeysFromEnv(env);
    const missing = [
      ...(keys.publishableKey ? [] : ["SUPABASE_PUBLISHABLE_KEY"]),
      ...(keys.secretKey ? [] : ["SUPABASE_SECRET_KEY"]),
      ...["BOT_SESSION_KEY"].filter((n) => !value(env, n)),
    ];
    if (missing.length > 0) {
      throw new ConfigError(
        `设置了 SUPABASE_URL 时，机器人还需要：${missing.join("、")}\n` +
          `With SUPABASE_URL set, the bot also needs: ${missing.join(", ")}`,
      );
    }
    supabase = {
      url: url.replace(/\/+$/, ""),
      anonKey: keys.publishableKey!,
      serviceRoleKey: keys.secretKey!,
      sessionKey: checkSessionKey(value(env, "BOT_SESSION_KEY")!),
      local: false,
    };
  } else {
    supabase = {
      url: LOCAL_SUPABASE_URL,
      anonKey: LOCAL_ANON_KEY,
      serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
      sessionKey: value(env, "BOT_SESSION_KEY") ? checkSessionKey(value(env, "BOT_SESSION_KEY")!) : localSessionKey(),
      local: true,
    };
  }

  const webhookUrl = value(env, "BOT_WEBHOOK_URL");
  const port = Number(value(env, "BOT_PORT") ?? 8080);
  if (webhookUrl && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new ConfigError(`BOT_PORT 无效：${env.BOT_PORT}\nInvalid BOT_PORT: ${env.BOT_PORT}`);
  }
  const apiKey = value(env, "OPENAI_API_KEY");
  const timeoutText = value(env, "OPENAI_TIMEOUT_MS");
  const timeoutMs = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new ConfigError(`OPENAI_TIMEOUT_MS 无效（应为正整数毫秒）：${timeoutText}\nInvalid OPENAI_TIMEOUT_MS (positive milliseconds): ${timeoutText}`);
  }
  const responseFormat = value(env, "OPENAI_RESPONSE_FORMAT");
  if (responseFormat !== undefined && responseFormat !== "json_schema" && responseFormat !== "json_object") {
    throw new ConfigError(`OPENAI_RESPONSE_FORMAT 只能是 json_schema 或 json_object：${responseFormat}\nOPENAI_RESPONSE_FORMAT must be json_schema or json_object: ${responseFormat}`);
  }

  return {
    telegramToken: value(env, "TELEGRAM_BOT_TOKEN"),
    webhook: webhookUrl ? { url: webhookUrl, secret: value(env, "BOT_WEBHOOK_SECRET"), port } : undefined,
    supabase,
    llm: apiKey
      ? {
          apiKey,
          baseUrl: value(env, "OPENAI_BASE_URL"),
          model: value(env, "OPENAI_MODEL"),
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          ...(responseFormat !== undefined ? { responseFormat } : {}),
        }
      : undefined,
  };
}

function checkSessionKey(key: string): string {
  if (key.length < 32) {
    throw new ConfigError(
      "BOT_SESSION_KEY 太短：至少 32 个字符（例如 openssl rand -hex 32 的输出）\n" +
        "BOT_SESSION_KEY is too short: at least 32 characters (e.g. the output of openssl rand -hex 32)",
    );
  }
  return key;
}

/** The local stack's session key: made once, kept in .data/bot-session-key (git-ignored, owner only). */
export function localSessionKey(file = path.join(REPO_DIR, ".data", "bot-session-key")): string {
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not made yet
  }
  const key = crypto.randomBytes(32).toString("hex");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch {
    // another process made it first: use theirs
    return fs.readFileSync(file, "utf8").trim();
  }
}
