import { isYmd, type Ymd } from "./calendar.js";
import { detectIntent } from "./intent.js";
import { buildDiscount } from "./intents/discount.js";
import { buildFollowUp } from "./intents/follow-up.js";
import { buildQuery } from "./intents/query.js";
import { buildRegister } from "./intents/register.js";
import { buildReport } from "./intents/report.js";
import { normalizeText } from "./normalize.js";
import type { ParseResult } from "./schema.js";

export interface ParseOptions {
  /** The date relative expressions (明天, 下周三) count from, `YYYY-MM-DD`. */
  today: Ymd;
}

/** The rule-based reading of a consultant's free-text message; no network, deterministic. */
export function parseRules(message: string, opts: ParseOptions): ParseResult {
  if (!isYmd(opts.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${opts.today}`);
  const text = normalizeText(message);
  switch (detectIntent(text, opts.today)) {
    case "report_customer":
      return buildReport(text, opts.today);
    case "request_discount":
      return buildDiscount(text, opts.today);
    case "log_follow_up":
      return buildFollowUp(text, opts.today);
    case "register_customer":
      return buildRegister(text, opts.today);
    case "query_units":
      return buildQuery(text);
    case "unknown":
      return { intent: "unknown" };
  }
}
