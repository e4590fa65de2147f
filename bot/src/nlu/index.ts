import { isYmd, localToday, type Ymd } from "./calendar.js";
import { createLlmParser, type LlmConfig, type LlmParser } from "./llm.js";
import { parseRules } from "./rules.js";
import type { ParseResult } from "./schema.js";

export { ParseResult } from "./schema.js";
export { parseRules } from "./rules.js";
export { createLlmParser, DEFAULT_MODEL, DEFAULT_TIMEOUT_MS, isReasoningModel, reasoningFromEnv, type LlmConfig, type LlmParser } from "./llm.js";

export interface ParseContext {
  /** `YYYY-MM-DD`; defaults to the host's local date. */
  today?: Ymd;
  /** Asked first when given; the rules answer without it or when it fails. */
  llm?: LlmParser;
  /**
   * Told why the LLM's answer was not used, besides `fallbackReason` in the answer (the bot logs
   * that one with its logger, the CLI prints it).
   */
  onFallback?: (reason: string) => void;
}

export interface Parsed {
  result: ParseResult;
  source: "llm" | "rules";
  /** Why the LLM's answer was not used, when an LLM was asked. */
  fallbackReason?: string;
}

/**
 * The bot's single entry point for understanding free text: the LLM when one is given, its
 * answer validated against the schema, else (or when it fails) the rules. Nothing is written
 * here; the bot shows the result and asks for confirmation.
 */
export async function parseWithSource(message: string, context: ParseContext = {}): Promise<Parsed> {
  const today = context.today ?? localToday();
  if (!isYmd(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  if (!context.llm) return { result: parseRules(message, { today }), source: "rules" };
  const answer = await context.llm(message, today);
  if (answer.ok) return { result: answer.result, source: "llm" };
  context.onFallback?.(answer.reason);
  return { result: parseRules(message, { today }), source: "rules", fallbackReason: answer.reason };
}

export async function parse(message: string, context: ParseContext = {}): Promise<ParseResult> {
  return (await parseWithSource(message, context)).result;
}

/** Without an apiKey, the rules only. */
export type NluConfig = Partial<LlmConfig> & { onFallback?: (reason: string) => void };

export interface Nlu {
  /** Whether an LLM is asked first. */
  readonly llm: boolean;
  parse(message: string, context?: { today?: Ymd }): Promise<ParseResult>;
  parseWithSource(message: string, context?: { today?: Ymd }): Promise<Parsed>;
}

export function createNlu(config: NluConfig = {}): Nlu {
  const { apiKey } = config;
  const llm = apiKey ? createLlmParser({ ...config, apiKey }) : undefined;
  return {
    llm: llm !== undefined,
    parse: (message, context = {}) => parse(message, { ...context, llm, onFallback: config.onFallback }),
    parseWithSource: (message, context = {}) => parseWithSource(message, { ...context, llm, onFallback: config.onFallback }),
  };
}
