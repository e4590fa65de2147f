import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

export const ADMIN_DIR = path.dirname(fileURLToPath(import.meta.url));
export const VITE_CONFIG = path.join(ADMIN_DIR, "vite.config.ts");

/** The Supabase settings compiled into the admin (what VITE_SUPABASE_* would give). */
export const supabaseDefine = (supabaseUrl: string, anonKey: string) => ({
  "import.meta.env.VITE_SUPABASE_URL": JSON.stringify(supabaseUrl),
  "import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY": JSON.stringify(anonKey),
  "import.meta.env.VITE_SUPABASE_ANON_KEY": JSON.stringify(anonKey),
});

export interface BuildAdminOptions {
  outDir: string;
  /** An absolute URL, or a path such as "/" for the admin's own origin (see serve.ts). */
  supabaseUrl: string;
  anonKey: string;
}

/**
 * A production build of the admin (with `.vite/manifest.json`) into `outDir`.
 *
 * Production also when the calling process says otherwise: under vitest NODE_ENV is "test",
 * and Vite would then build React's development runtime (jsxDEV, owner stacks: several times
 * slower), so tests and benchmarks would not run what users get.
 */
export async function buildAdmin({ outDir, supabaseUrl, anonKey }: BuildAdminOptions): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: ADMIN_DIR,
      configFile: VITE_CONFIG,
      mode: "production",
      logLevel: "warn",
      define: supabaseDefine(supabaseUrl, anonKey),
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
