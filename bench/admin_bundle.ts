import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { buildAdmin } from "../admin/build.ts";
import { round } from "./support.ts";

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The JS files the built index.html makes the browser fetch at once: its module scripts and modulepreloads. */
function scriptsOfIndexHtml(html: string): string[] {
  const files = [
    ...html.matchAll(/<script\b[^>]*\bsrc="\/?([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  return [...new Set(files)];
}

/**
 * The admin's JavaScript, gzipped (level 9): `initial` is what the browser loads before it can
 * show the sign-in page — the scripts and modulepreloads of the built index.html (checked to
 * include what Vite's manifest says the entry imports statically); the signed-in
 * shell, its labels and every page are lazy chunks. `total` is every JS file of the build.
 */
export async function bench() {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-admin-bundle-"));
  try {
    await buildAdmin({ outDir, supabaseUrl: "/", anonKey: "bench" });
    const manifest: Record<string, ManifestChunk> = JSON.parse(
      fs.readFileSync(path.join(outDir, ".vite", "manifest.json"), "utf8"),
    );
    const gzipKb = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length / 1024;

    const initial = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || initial.has(chunk.file)) return;
      initial.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
    const loaded = scriptsOfIndexHtml(fs.readFileSync(path.join(outDir, "index.html"), "utf8"));
    const missing = [...initial].filter((f) => f.endsWith(".js") && !loaded.includes(f));
    if (!loaded.length || missing.length) throw new Error(`index.html does not load the entry's static imports: ${missing.join(", ")}`);

    const allJs = fs
      .readdirSync(path.join(outDir, "assets"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => `assets/${f}`);
    const sum = (files: Iterable<string>) => round([...files].filter((f) => f.endsWith(".js")).reduce((kb, f) => kb + gzipKb(f), 0), 1);
    return { bench: "admin_bundle", initial_js_gzip_kb: sum(loaded), initial_files: loaded.length, total_js_gzip_kb: sum(allJs) };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
