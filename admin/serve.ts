import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer, preview, type ProxyOptions } from "vite";
import { ADMIN_DIR, VITE_CONFIG, buildAdmin, supabaseDefine } from "./build.ts";

export interface StartAdminOptions {
  port: number;
  /** The Supabase API the admin talks to (the local gateway or a hosted project). */
  supabaseUrl: string;
  anonKey: string;
  /** `dev`: Vite's dev server (npm start). `preview`: a production build, served (tests). */
  mode: "dev" | "preview";
  host?: string;
  /**
   * Serve the Supabase API from the admin's own origin (default): /rest/v1 and /auth/v1 are
   * proxied to `supabaseUrl`, so the browser makes no cross-origin requests and the admin
   * works under any host name it is opened with. `false`: the browser calls `supabaseUrl`.
   */
  sameOrigin?: boolean;
  logLevel?: "info" | "warn" | "error" | "silent";
}

export interface AdminServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the admin programmatically. Tests use `preview`: the production build is made once
 * per source version (cached under the OS temp directory) and served by `vite preview`, which
 * needs no dependency pre-bundling and never reloads a page under a test.
 */
export async function startAdmin(options: StartAdminOptions): Promise<AdminServer> {
  const { port, supabaseUrl, anonKey, mode } = options;
  const host = options.host ?? "127.0.0.1";
  const sameOrigin = options.sameOrigin ?? true;
  const browserSupabaseUrl = sameOrigin ? "/" : supabaseUrl;
  const proxy = sameOrigin ? apiProxy(supabaseUrl) : undefined;
  const url = `http://${host}:${port}`;

  if (mode === "dev") {
    const server = await createServer({
      root: ADMIN_DIR,
      configFile: VITE_CONFIG,
      logLevel: options.logLevel ?? "info",
      clearScreen: false,
      define: supabaseDefine(browserSupabaseUrl, anonKey),
      server: { port, host, strictPort: true, proxy },
    });
    await server.listen();
    return { url, stop: () => server.close() };
  }

  const outDir = await cachedBuild(browserSupabaseUrl, anonKey);
  const server = await preview({
    root: ADMIN_DIR,
    configFile: VITE_CONFIG,
    logLevel: options.logLevel ?? "warn",
    build: { outDir },
    preview: { port, host, strictPort: true, proxy },
  });
  return { url, stop: () => server.close() };
}

function apiProxy(target: string): Record<string, ProxyOptions> {
  const to: ProxyOptions = { target, changeOrigin: true };
  return { "/rest/v1": to, "/auth/v1": to };
}

/** Builds into a directory named by a hash of the sources and settings; reuses it if present. */
async function cachedBuild(supabaseUrl: string, anonKey: string): Promise<string> {
  // "production": builds cached before buildAdmin forced a production build are not reused.
  const hash = crypto.createHash("sha256").update(JSON.stringify({ supabaseUrl, anonKey, build: "production" }));
  for (const file of sourceFiles()) hash.update(file).update(fs.readFileSync(file));
  const outDir = path.join(os.tmpdir(), "sales-office-admin-build", hash.digest("hex").slice(0, 16));
  if (fs.existsSync(path.join(outDir, "index.html"))) return outDir;

  const tmp = `${outDir}.${process.pid}.tmp`;
  await buildAdmin({ outDir: tmp, supabaseUrl, anonKey });
  try {
    fs.renameSync(tmp, outDir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process finished the same build first
  }
  return outDir;
}

function sourceFiles(): string[] {
  const lockfile = path.join(ADMIN_DIR, "..", "package-lock.json");
  const files = [path.join(ADMIN_DIR, "index.html"), VITE_CONFIG, path.join(ADMIN_DIR, "package.json"), lockfile];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(ADMIN_DIR, "src"));
  for (const dir of ["public", "build-plugins"]) if (fs.existsSync(path.join(ADMIN_DIR, dir))) walk(path.join(ADMIN_DIR, dir));
  return files.filter((f) => fs.existsSync(f));
}
