import { setTimeout as sleep } from "node:timers/promises";
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { Ymd } from "./calendar.js";
import { readReply, type Reading } from "./llm-reply.js";
import { strictResponseFormat } from "./json-schema.js";
import { systemPrompt } from "./prompt.js";

export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_TIMEOUT_MS = 8_000;
const OPENAI_BASE_URL = "https://api.openai.com/v1";
const RETRY_DELAY_MS = 200;

export interface LlmConfig {
  apiKey: string;
  /** An OpenAI-compatible endpoint (DeepSeek, Qwen, Moonshot…); OpenAI's own when unset. */
  baseURL?: string;
  model?: string;
  /** Budget for the whole LLM attempt, retry included; after it the rules answer. */
  timeoutMs?: number;
  /**
   * `json_schema` (strict, the shapes of schema.ts) or `json_object` (JSON mode, shapes in the
   * prompt). Unset: json_schema on OpenAI's own endpoint, json_object elsewhere. A service that
   * refuses json_schema is asked again in json_object, and from then on only in it.
   */
  responseFormat?: "json_schema" | "json_object";
  /**
   * A reasoning model (LLM_REASONING=1): no `temperature` is sent. Unset: told by the model's
   * name (isReasoningModel); a service that refuses temperature anyway loses it on the spot.
   */
  reasoning?: boolean;
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

/** Never throws: a failure is an answer with the reason, and the caller falls back to the rules. */
export type LlmParser = (message: string, today: Ymd) => Promise<Reading>;

export function createLlmParser(config: LlmConfig): LlmParser {
  const model = config.model ?? DEFAULT_MODEL;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({
    apiKey: config.apiKey,
    // Explicit values, so the SDK reads nothing from the environment on its own.
    baseURL: config.baseURL ?? OPENAI_BASE_URL,
    organization: null,
    project: null,
    // Retries are done below, within the time budget; the SDK's would sleep for any Retry-After.
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: "off",
    fetch: config.fetch,
  });

  const official = (config.baseURL ?? OPENAI_BASE_URL).replace(/\/+$/, "") === OPENAI_BASE_URL;
  // What this service accepts, learnt from its refusals and kept for the parser's lifetime.
  let schemaMode = (config.responseFormat ?? (official ? "json_schema" : "json_object")) === "json_schema";
  let sendTemperature = !(config.reasoning ?? isReasoningModel(model));

  return async (message, today) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    let transientRetried = false;
    for (;;) {
      const request = {
        model,
        ...(sendTemperature ? { temperature: 0 } : {}),
        response_format: schemaMode ? strictResponseFormat() : { type: "json_object" as const },
        messages: [
          { role: "system" as const, content: systemPrompt(today) },
          { role: "user" as const, content: message },
        ],
      };
      try {
        const completion = await client.chat.completions.create(request, { signal: deadline });
        return readReply(completion.choices[0]?.message?.content, message);
      } catch (error) {
        if (refuses(error, "temperature") && sendTemperature) {
          sendTemperature = false;
          continue;
        }
        if (refuses(error, "response_format|json_schema") && schemaMode) {
          schemaMode = false;
          continue;
        }
        if (!transientRetried && transient(error) && (await pause(RETRY_DELAY_MS, deadline))) {
          transientRetried = true;
          continue;
        }
        return { ok: false, reason: deadline.aborted ? `no answer within ${timeoutMs} ms` : describe(error) };
      }
    }
  };
}

/** LLM_REASONING: 1/true/yes → true, 0/false/no → false, anything else (or unset) → undefined (by model name). */
export function reasoningFromEnv(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (v === "1" || v === "true" || v === "yes") return true;
  if (v === "0" || v === "false" || v === "no") return false;
  return undefined;
}

/**
 * Reasoning models refuse `temperature` (or ignore it) — o1/o3/o4, gpt-5, DeepSeek's reasoner,
 * QwQ, *-thinking: it is not sent to them. Any other model that refuses it loses it on the spot.
 */
export function isReasoningModel(model: string): boolean {
  return /^(?:o\d|gpt-5)|deepseek-reasoner|(?:^|[-/])r1(?:$|-)|qwq|thinking|reasoner/i.test(model);
}

/** HTTP 400 that names the parameter (what OpenAI-compatible services say for an unsupported one). */
function refuses(error: unknown, parameter: string): boolean {
  return error instanceof APIError && error.status === 400 && new RegExp(parameter, "i").test(error.message);
}

/** Worth one more try: the service is overloaded or failed, or the connection broke. */
function transient(error: unknown): boolean {
  if (error instanceof APIUserAbortError || error instanceof APIConnectionTimeoutError) return false;
  if (error instanceof APIConnectionError) return true;
  return error instanceof APIError && error.status !== undefined && (error.status === 429 || error.status >= 500);
}

/** False when the deadline passes first. */
async function pause(ms: number, deadline: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal: deadline });
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  if (error instanceof APIConnectionTimeoutError) return "request timed out";
  if (error instanceof APIError && error.status !== undefined) return `HTTP ${error.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
