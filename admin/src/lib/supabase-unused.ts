/**
 * Stand-ins for the parts of supabase-js the admin never uses — Realtime (the admin polls),
 * Storage and Edge Functions. supabase-js builds all three in its constructor, so without these
 * their code (≈ 25 KB gzip with Phoenix and Iceberg) would sit in the login page's bundle.
 * `vite.config.ts` maps `@supabase/realtime-js`, `@supabase/storage-js` and
 * `@supabase/functions-js` here for the admin build only (the bot and tests use the real ones).
 * Using any of them in the admin fails loudly instead of silently doing nothing.
 */

const unavailable = (what: string) => new Error(`${what} is not bundled in the admin (see src/lib/supabase-unused.ts)`);

export class RealtimeClient {
  constructor(_url?: string, _options?: unknown) {}
  /** Called by supabase-js on every sign-in and token refresh: nothing to forward the token to. */
  setAuth(_token?: string | null): Promise<void> {
    return Promise.resolve();
  }
  channel(): never {
    throw unavailable("Realtime");
  }
  getChannels(): [] {
    return [];
  }
  removeChannel(): Promise<"ok"> {
    return Promise.resolve("ok");
  }
  removeAllChannels(): Promise<"ok"[]> {
    return Promise.resolve([]);
  }
}

/** Read by @refinedev/supabase's live provider when its module loads (the admin does not use it). */
export const REALTIME_POSTGRES_CHANGES_LISTEN_EVENT = { ALL: "*", INSERT: "INSERT", UPDATE: "UPDATE", DELETE: "DELETE" } as const;

export class StorageClient {
  constructor(_url?: string, _headers?: unknown, _fetch?: unknown, _options?: unknown) {}
  from(): never {
    throw unavailable("Storage");
  }
}
export class StorageApiError extends Error {}

export class FunctionsClient {
  constructor(_url?: string, _options?: unknown) {}
  setAuth(_token: string): void {}
  invoke(): never {
    throw unavailable("Edge Functions");
  }
}
export class FunctionsError extends Error {}
export class FunctionsFetchError extends FunctionsError {}
export class FunctionsHttpError extends FunctionsError {}
export class FunctionsRelayError extends FunctionsError {}
export const FunctionRegion = { Any: "any" } as const;
