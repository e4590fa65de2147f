import type { Json } from "@so/shared/database.types";
import type { StorageAdapter } from "grammy";
import type { Db } from "./clients.ts";
import { DbFailure } from "./errors.ts";

/**
 * grammY storage over the `bot_sessions` table through the Supabase API with the service key —
 * portable to hosted Supabase, no direct database connection needed. Keys are `<prefix>:<key>`;
 * the database drops a chat's rows whenever its Telegram binding changes. A value written back
 * unchanged since it was read is not sent again.
 */
export function botSessionStorage<T>(service: Db, prefix: string): StorageAdapter<T> {
  const keyOf = (key: string) => `${prefix}:${key}`;
  const lastRead = new Map<string, string>();
  const remember = (key: string, json: string) => {
    lastRead.delete(key);
    lastRead.set(key, json);
    if (lastRead.size > 1000) lastRead.delete(lastRead.keys().next().value!);
  };

  return {
    async read(key) {
      const { data, error } = await service
        .from("bot_sessions")
        .select("value")
        .eq("key", keyOf(key))
        .maybeSingle<{ value: T }>();
      if (error) throw new DbFailure(`read bot session ${keyOf(key)}`, error);
      if (data) remember(key, JSON.stringify(data.value));
      else lastRead.delete(key);
      return data?.value;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      const unchanged = lastRead.get(key) === json;
      lastRead.delete(key);
      if (unchanged) return;
      const { error } = await service
        .from("bot_sessions")
        .upsert({ key: keyOf(key), value: value as Json, updated_at: new Date().toISOString() });
      if (error) throw new DbFailure(`write bot session ${keyOf(key)}`, error);
    },
    async delete(key) {
      lastRead.delete(key);
      const { error } = await service.from("bot_sessions").delete().eq("key", keyOf(key));
      if (error) throw new DbFailure(`delete bot session ${keyOf(key)}`, error);
    },
  };
}
