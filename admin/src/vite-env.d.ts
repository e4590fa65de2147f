/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Supabase API URL; a path such as "/" means the admin's own origin (see serve.ts). */
  readonly VITE_SUPABASE_URL?: string;
  readonly VITE_SUPABASE_ANON_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
