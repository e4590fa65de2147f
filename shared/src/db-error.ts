/** What supabase-js hands back for a failed PostgREST request (or a fetch failure). */
export interface PostgrestLike {
  message?: string;
  code?: string;
  details?: string | null;
  hint?: string | null;
}

/** A refusal of a database function, in the words the database gave. */
export interface Refusal {
  /** The stable code (`private.fail`'s first argument), or null for a bare `raise exception`. */
  code: string | null;
  zh: string;
  /** The English text, when the database gave one. */
  en: string | null;
}

/**
 * A refusal raised by a database function through `private.fail(code, 中文, English)`: PostgREST
 * answers with SQLSTATE P0001, the stable code in DETAIL, 中文 in MESSAGE and English in HINT.
 * Anything else (a constraint, a network failure, a bug) is not a refusal: null.
 */
export function decodeRefusal(error: PostgrestLike | null | undefined): Refusal | null {
  if (!error || error.code !== "P0001") return null;
  const code = error.details || null;
  return { code, zh: error.message ?? "", en: error.hint && error.hint !== error.details ? error.hint : null };
}
