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

/**
 * The admin's JavaScript, gzipped (level 9): `initial` is what the login page and the first
 * screen need — the entry chunk and everything it imports statically (from Vite's manifest);
 * `total` is every JS file of the build (all lazy-loaded pages included).
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

    const allJs = fs
      .readdirSync(path.join(outDir, "assets"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => `assets/${f}`);
    const sum = (files: Iterable<string>) => round([...files].filter((f) => f.endsWith(".js")).reduce((kb, f) => kb + gzipKb(f), 0), 1);
    return { bench: "admin_bundle", initial_js_gzip_kb: sum(initial), total_js_gzip_kb: sum(allJs) };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
