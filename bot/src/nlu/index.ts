import { localToday, type Ymd } from "./calendar.js";
import { parseRules } from "./rules.js";
import type { ParseResult } from "./schema.js";

export { ParseResult } from "./schema.js";
export { parseRules } from "./rules.js";

export interface ParseContext {
  /** `YYYY-MM-DD`; defaults to the host's local date. */
  today?: Ymd;
}

/**
 * The bot's single entry point for understanding free text. This is the one place that chooses
 * how: today always the rules; an LLM path (when OPENAI_API_KEY is set) belongs here, validating
 * its answer with the ParseResult schema and falling back to the rules.
 */
export async function parse(message: string, context: ParseContext = {}): Promise<ParseResult> {
  return parseRules(message, { today: context.today ?? localToday() });
}
