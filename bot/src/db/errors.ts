import { decodeRefusal } from "@so/shared/db-error";
import type { PostgrestError } from "@supabase/supabase-js";
import type { Locale } from "../i18n/index.ts";

/**
 * A refusal raised by a database function through `private.fail(code, 中文, English)`:
 * PostgREST answers with code P0001, the stable code in `details`, 中文 in `message`, English in `hint`.
 */
export class DbRefusal extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${code}: ${messageZh}`);
    this.name = "DbRefusal";
  }

  text(locale: Locale): string {
    return locale === "en" ? this.messageEn : this.messageZh;
  }
}

/** Any other database failure: a bug or an outage, for the error handler and the log. */
export class DbFailure extends Error {
  constructor(
    readonly what: string,
    readonly error: PostgrestError | Error,
  ) {
    super(`${what}: ${error.message}`);
    this.name = "DbFailure";
  }
}

export function toDbError(what: string, error: PostgrestError): DbRefusal | DbFailure {
  const refusal = decodeRefusal(error);
  if (refusal?.code) return new DbRefusal(refusal.code, refusal.zh, refusal.en ?? refusal.zh);
  return new DbFailure(what, error);
}
