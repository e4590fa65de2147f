import { normalizeMaskedMobile, normalizeMobile } from "@so/shared/phone";
import type { z } from "zod";
import { isYmd } from "./calendar.js";
import { normalizeText } from "./normalize.js";
import { LogFollowUp, ParseResult, QueryUnits, RegisterCustomer, ReportCustomer, RequestDiscount } from "./schema.js";

/** An LLM's answer read into the schema, or why it cannot be used. */
export type Reading = { ok: true; result: ParseResult } | { ok: false; reason: string };

/** Where each intent keeps its fields, and which fields it has (optional ones are left out when empty). */
const PAYLOADS: Record<string, [string, string[], Set<string>]> = {
  register_customer: payload("customer", RegisterCustomer.shape.customer.shape),
  query_units: payload("filter", QueryUnits.shape.filter.shape),
  request_discount: payload("request", RequestDiscount.shape.request.shape),
  log_follow_up: payload("follow_up", LogFollowUp.shape.follow_up.shape),
  report_customer: payload("report", ReportCustomer.shape.report.shape),
};

function payload(key: string, shape: Record<string, z.ZodType>): [string, string[], Set<string>] {
  const optional = Object.entries(shape).filter(([, type]) => type.safeParse(undefined).success).map(([field]) => field);
  return [key, Object.keys(shape), new Set(optional)];
}

const PHONE_KEYS = new Set(["phone", "customer_phone"]);
const NAME_KEYS = new Set(["name", "customer_name"]);
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * Reads the JSON an LLM returned for `message`: tidies what is cheap to tidy (missing keys,
 * blank strings, phone spellings, date-time spellings), then validates with the schema and
 * rejects names or phones that are not in the message (an invented number is worse than none).
 */
export function readReply(content: string | null | undefined, message: string): Reading {
  if (!content?.trim()) return fail("empty reply");
  let raw: unknown;
  try {
    raw = JSON.parse(stripFence(content));
  } catch {
    return fail("reply is not JSON");
  }
  if (!isRecord(raw)) return fail("reply is not a JSON object");
  // Strict json_schema mode wraps the answer: {"result": {...}}.
  const answer = raw.intent === undefined && isRecord(raw.result) ? raw.result : raw;
  const parsed = ParseResult.safeParse(tidy(answer));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`reply does not fit the schema: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  const problem = implausible(parsed.data, message);
  return problem ? fail(problem) : { ok: true, result: parsed.data };
}

function tidy(raw: Record<string, unknown>): unknown {
  const shape = typeof raw.intent === "string" ? PAYLOADS[raw.intent] : undefined;
  if (!shape) return raw;
  const [key, fields, optional] = shape;
  const payload = raw[key];
  if (!isRecord(payload)) return raw;
  const tidied: Record<string, unknown> = {};
  for (const field of fields) {
    const value = tidyValue(field, payload[field]);
    if (value === null && optional.has(field)) continue;
    tidied[field] = value;
  }
  return { intent: raw.intent, [key]: tidied };
}

function tidyValue(field: string, value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "" || text.toLowerCase() === "null") return null;
  // What cannot be tidied is left as it is, for the schema to reject.
  if (PHONE_KEYS.has(field)) return normalizeMobile(text) ?? normalizeMaskedMobile(text) ?? text;
  if (field === "building") return text.replace(/(?:号楼|栋|幢|座)$/, "");
  if (field === "expected_visit") return tidyDateTime(text);
  if (field === "next_date") return DATE_TIME.exec(text)?.[1] ?? text;
  return text;
}

/** `2026-11-24 15:00`, `2026-11-24T15:00:00` → `2026-11-24T15:00`; a date alone → `T00:00`. */
function tidyDateTime(text: string): string {
  const match = DATE_TIME.exec(text);
  if (!match) return text;
  const [, date, hour, minute] = match;
  return `${date}T${hour === undefined ? "00" : hour.padStart(2, "0")}:${minute ?? "00"}`;
}

function implausible(result: ParseResult, message: string): string | null {
  const shape = PAYLOADS[result.intent];
  if (!shape) return null;
  const payload = (result as unknown as Record<string, Record<string, unknown>>)[shape[0]]!;
  // As written, or as the rules read it (幺三八… → 138…, 鄭 → 郑).
  const compact = [compactText(message), compactText(normalizeText(message))];
  for (const [field, value] of Object.entries(payload)) {
    if (typeof value !== "string") continue;
    if ((PHONE_KEYS.has(field) || NAME_KEYS.has(field)) && !compact.some((text) => text.includes(compactText(value)))) {
      return `${field} ${value} is not in the message`;
    }
    if (field === "expected_visit" && !isDateTime(value)) return `expected_visit ${value} is not a real date and time`;
    if (field === "next_date" && !isYmd(value)) return `next_date ${value} is not a real date`;
  }
  return null;
}

/** For comparing a phone or name with the message: no separators, one spelling of the mask. */
function compactText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\-()（）.]/g, "")
    .replace(/[xX×]/g, "*");
}

function isDateTime(value: string): boolean {
  const [date, time] = value.split("T") as [string, string];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return isYmd(date) && hour < 24 && minute < 60;
}

/** Some compatible services wrap JSON mode's answer in a Markdown code fence anyway. */
function stripFence(text: string): string {
  return text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, "$1");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(reason: string): Reading {
  return { ok: false, reason };
}
