import type { HttpError } from "@refinedev/core";
import { decodeRefusal, type PostgrestLike } from "@so/shared/db-error";
import zhCN from "../i18n/zh-CN.json";

export type ErrorKey = keyof typeof zhCN.errors;

/**
 * The English `errors.*`, handed over by messages.ts's `loadEnglish()` (English is not in the
 * entry chunk; the UI switches to English only once it has loaded). Until then: Chinese.
 */
let enErrors: Partial<Record<ErrorKey, string>> = {};
export function setEnglishErrors(errors: Partial<Record<ErrorKey, string>>): void {
  enErrors = errors;
}

/** Postgres / PostgREST codes a user can meet, with our message and the HTTP status to report. */
const KNOWN: Record<string, [ErrorKey, number]> = {
  "42501": ["forbidden", 403], // insufficient privilege, row-level security
  "23505": ["duplicate", 409],
  "23503": ["foreignKey", 409],
  "23514": ["check", 400],
  "23502": ["notNull", 400],
  "22P02": ["invalidInput", 400],
  "22023": ["invalidInput", 400],
  PGRST116: ["notFound", 404],
  PGRST301: ["sessionExpired", 401],
  PGRST302: ["sessionExpired", 401],
  PGRST303: ["sessionExpired", 401],
};

/** Stable codes of `private.fail()` that have their own HTTP status. */
const STATUS_BY_DETAIL: Record<string, number> = { not_signed_in: 401, forbidden: 403, not_found: 404 };

const isNetworkFailure = (e: PostgrestLike) =>
  !e.code && /failed to fetch|fetch failed|networkerror|load failed/i.test(e.message ?? "");

/**
 * The column(s) of a unique violation, as refine's `errors`, so the form marks the field itself.
 * DETAIL names them ("Key (code)=(HZ-YQ) already exists.") unless row-level security hides it;
 * then the constraint's name does, when it follows Postgres's `<table>_<column>_key`.
 */
function fieldErrors(e: PostgrestLike, message: string, table?: string): { errors?: Record<string, string> } {
  if (e.code !== "23505") return {};
  let columns = /^Key \(([^)]+)\)=/.exec(e.details ?? "")?.[1]?.split(",").map((c) => c.trim());
  const constraint = /unique constraint "([^"]+)"/.exec(e.message ?? "")?.[1];
  if (!columns && table && constraint?.startsWith(`${table}_`) && constraint.endsWith("_key")) {
    columns = [constraint.slice(table.length + 1, -"_key".length)];
  }
  return columns ? { errors: Object.fromEntries(columns.map((c) => [c, message])) } : {};
}

/** One of our own error messages (src/i18n/*.json `errors.*`) in the UI language. */
export function errorText(key: ErrorKey, locale: string, vars: Record<string, string> = {}): string {
  const text = (locale.startsWith("en") ? enErrors[key] : undefined) ?? zhCN.errors[key];
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? "");
}

/**
 * A PostgREST error `{ message, details, hint, code }` as a refine HttpError.
 *
 * The database's own refusals (`private.fail()`, SQLSTATE P0001) carry the zh-CN text in
 * MESSAGE, a stable machine code in DETAIL and the English text in HINT: the HttpError's
 * `message` is that Chinese text (the English one when the UI is English and the database gave
 * one) and `details` stays the machine code. Other errors get a message of ours.
 */
export function toHttpError(error: unknown, locale: string = "zh-CN", context: { table?: string } = {}): HttpError {
  const e: PostgrestLike = error && typeof error === "object" ? (error as PostgrestLike) : { message: String(error) };
  const base = { code: e.code ?? "", details: e.details ?? null, hint: e.hint ?? null };

  const refusal = decodeRefusal(e);
  if (refusal) {
    const message = (locale.startsWith("en") && refusal.en) || refusal.zh || errorText("unknown", locale, { message: "" });
    return { ...base, message, statusCode: STATUS_BY_DETAIL[refusal.code ?? ""] ?? 400 };
  }
  if (isNetworkFailure(e)) return { ...base, message: errorText("network", locale), statusCode: 503 };
  const known = e.code ? KNOWN[e.code] : undefined;
  if (known) {
    const message = errorText(known[0], locale);
    return { ...base, message, statusCode: known[1], ...fieldErrors(e, message, context.table) };
  }
  return {
    ...base,
    message: errorText("unknown", locale, { message: e.message ?? String(error) }),
    statusCode: e.code ? 400 : 500,
  };
}
