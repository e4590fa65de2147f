import { isYmd, type Ymd } from "./calendar.js";
import { detectIntent } from "./intent.js";
import { buildDiscount } from "./intents/discount.js";
import { buildFollowUp } from "./intents/follow-up.js";
import { buildQuery } from "./intents/query.js";
import { buildRegister } from "./intents/register.js";
import { buildReport } from "./intents/report.js";
import { normalizeText } from "./normalize.js";
import type { ParseResult } from "./schema.js";
import { asWritten } from "./traditional.js";

export interface ParseOptions {
  /** The date relative expressions (明天, 下周三) count from, `YYYY-MM-DD`. */
  today: Ymd;
}

/**
 * The rule-based reading of a consultant's free-text message; no network, deterministic. Names
 * are given back as written (鄭小姐 stays 鄭小姐) although the rules read simplified text.
 */
export function parseRules(message: string, opts: ParseOptions): ParseResult {
  if (!isYmd(opts.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${opts.today}`);
  const text = normalizeText(message);
  const written = message.normalize("NFKC");
  switch (detectIntent(text, opts.today)) {
    case "report_customer": {
      const result = buildReport(text, opts.today);
      result.report.customer_name = asWritten(result.report.customer_name, written);
      return result;
    }
    case "request_discount": {
      const result = buildDiscount(text, opts.today);
      result.request.customer_name = asWritten(result.request.customer_name, written);
      result.request.reason = asWritten(result.request.reason, written);
      return result;
    }
    case "log_follow_up": {
      const result = buildFollowUp(text, opts.today);
      result.follow_up.customer_name = asWritten(result.follow_up.customer_name, written);
      result.follow_up.content = asWritten(result.follow_up.content, written);
      return result;
    }
    case "register_customer": {
      const result = buildRegister(text, opts.today);
      result.customer.name = asWritten(result.customer.name, written);
      result.customer.note = asWritten(result.customer.note, written);
      return result;
    }
    case "query_units":
      return buildQuery(text);
    case "unknown":
      return { intent: "unknown" };
  }
}
