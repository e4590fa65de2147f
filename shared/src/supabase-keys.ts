/**
 * Which Supabase API keys an environment holds. Supabase issues two formats: the new
 * `sb_publishable_…` / `sb_secret_…` keys and the legacy JWT keys (`anon` / `service_role`). Both work
 * everywhere here; the new names are read first, the legacy names still are.
 */
type Env = Record<string, string | undefined>;

const read = (env: Env, name: string) => env[name]?.trim() || undefined;

/** Names that hold the public (browser-safe) key, in the order they are read. */
const PUBLISHABLE_KEY_NAMES = ["SUPABASE_PUBLISHABLE_KEY", "SUPABASE_ANON_KEY"] as const;
/** Names that hold the server-only key, in the order they are read. */
const SECRET_KEY_NAMES = ["SUPABASE_SECRET_KEY", "SUPABASE_SERVICE_ROLE_KEY"] as const;

interface SupabaseKeys {
  /** `sb_publishable_…` or the legacy anon JWT. */
  publishableKey?: string;
  /** `sb_secret_…` or the legacy service_role JWT. Never in a browser. */
  secretKey?: string;
}

/** The keys in `env`, new names first; `prefix` is "VITE_" for the admin's build. */
export function supabaseKeysFromEnv(env: Env, prefix = ""): SupabaseKeys {
  const first = (names: readonly string[]) => names.map((n) => read(env, prefix + n)).find(Boolean);
  return { publishableKey: first(PUBLISHABLE_KEY_NAMES), secretKey: first(SECRET_KEY_NAMES) };
}
