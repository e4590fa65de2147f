import type { Db, Rpc, RpcArgs } from "../../db/clients.ts";
import { DbFailure, DbRefusal, toDbError } from "../../db/errors.ts";
import type { Locale } from "../../i18n/index.ts";

/**
 * What a database function answered, in a shape that survives JSON (dialogues keep their
 * history as JSON): the data, or the refusal with its stable code and the database's own words.
 * Anything else (a bug, an outage) is thrown for the error handler.
 */
export type Outcome<T> = { ok: true; data: T } | { ok: false; code: string; zh: string; en: string };
export type Refusal = Extract<Outcome<unknown>, { ok: false }>;

export async function attempt<T, F extends Rpc = Rpc>(db: Db, fn: F, args: RpcArgs<F>): Promise<Outcome<T>> {
  const { data, error } = await db.rpc(fn, args);
  if (!error) return { ok: true, data: data as T };
  const e = toDbError(fn, error);
  if (e instanceof DbRefusal) return { ok: false, code: e.code, zh: e.messageZh, en: e.messageEn };
  throw e;
}

/** The refusal in the person's language (the database's message). */
export const refusalText = (refusal: Refusal, locale: Locale) => (locale === "en" ? refusal.en : refusal.zh);

/** Rows of a select, or a DbFailure. */
export async function rows<T>(what: string, query: PromiseLike<{ data: unknown; error: { message: string } | null }>): Promise<T[]> {
  const { data, error } = await query;
  if (error) throw new DbFailure(what, error as never);
  return (data ?? []) as T[];
}

/** One row or null, or a DbFailure. */
export async function row<T>(what: string, query: PromiseLike<{ data: unknown; error: { message: string } | null }>): Promise<T | null> {
  const { data, error } = await query;
  if (error) throw new DbFailure(what, error as never);
  return (data ?? null) as T | null;
}
