import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildAdmin } from "../../build.ts";

/*
  The production build in a process that already has React loaded in development mode, as a
  vitest worker has once an earlier test file used React: the build must not mix that React with
  the production server renderer its antd style extraction uses (it failed with
  "dispatcher.getOwner is not a function" when a test file before the first admin test loaded React).
*/
describe("admin production build", () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-build-test-"));
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it("bakes antd's styles even when this process loaded React in development mode", { timeout: 300_000 }, async () => {
    expect(process.env.NODE_ENV).not.toBe("production");
    createRequire(import.meta.url)("react");
    await buildAdmin({ outDir, supabaseUrl: "/", anonKey: "test-key" });
    const css = fs.readdirSync(path.join(outDir, "assets")).filter((f) => /^antd-.*\.css$/.test(f));
    expect(css).toHaveLength(1);
    const text = fs.readFileSync(path.join(outDir, "assets", css[0]), "utf8");
    expect(text).toContain(".data-ant-cssinjs-cache-path{content:");
    expect(fs.readFileSync(path.join(outDir, "index.html"), "utf8")).toContain(css[0]);
  });
});
