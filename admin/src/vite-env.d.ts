/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Supabase API URL; a path such as "/" means the admin's own origin (see serve.ts). */
  readonly VITE_SUPABASE_URL?: string;
  /** `sb_publishable_…` (read first) … */
  readonly VITE_SUPABASE_PUBLISHABLE_KEY?: string;
  /** … or the legacy anon JWT key. Never a secret / service_role key. */
  readonly VITE_SUPABASE_ANON_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** qs (refine's query-string parser; no types installed): the one call the router binding makes. */
declare module "qs" {
  const qs: { parse(text: string, options?: { ignoreQueryPrefix?: boolean; depth?: number }): Record<string, unknown> };
  export default qs;
}
