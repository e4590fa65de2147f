import { setTimeout as sleep } from "node:timers/promises";
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { Ymd } from "./calendar.js";
import { readReply, type Reading } from "./llm-reply.js";
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

  return async (message, today) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const request = {
      model,
      temperature: 0,
      response_format: { type: "json_object" as const },
      messages: [
        { role: "system" as const, content: systemPrompt(today) },
        { role: "user" as const, content: message },
      ],
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const completion = await client.chat.completions.create(request, { signal: deadline });
        return readReply(completion.choices[0]?.message?.content, message);
      } catch (error) {
        if (attempt === 1 && transient(error) && (await pause(RETRY_DELAY_MS, deadline))) continue;
        return { ok: false, reason: deadline.aborted ? `no answer within ${timeoutMs} ms` : describe(error) };
      }
    }
  };
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
