import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY } from "@so/supabase/local/config";
import { supabaseKeysFromEnv } from "@so/shared/supabase-keys";

/** The local stack's gateway, used only when SUPABASE_URL is unset. */
export const LOCAL_SUPABASE_URL = "http://127.0.0.1:54321";

export interface SupabaseConfig {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
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
      ...["SUPABASE_JWT_SECRET"].filter((n) => !value(env, n)),
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
      jwtSecret: value(env, "SUPABASE_JWT_SECRET")!,
      local: false,
    };
  } else {
    supabase = {
      url: LOCAL_SUPABASE_URL,
      anonKey: LOCAL_ANON_KEY,
      serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
      jwtSecret: LOCAL_JWT_SECRET,
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
