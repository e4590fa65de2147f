import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFile } from "../../src/env-file.ts";
import { supabaseKeysFromEnv } from "../../src/supabase-keys.ts";

describe(".env loading", () => {
  const names = ["K18_FROM_FILE", "K18_ALREADY_SET"];
  afterEach(() => names.forEach((n) => delete process.env[n]));

  it("loads a .env file without overriding what the environment already has; a missing file is no error", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "env-")), ".env");
    fs.writeFileSync(file, "K18_FROM_FILE=杭州\nK18_ALREADY_SET=from-file\n# comment\n");
    process.env.K18_ALREADY_SET = "from-shell";
    expect(loadEnvFile(file)).toBe(file);
    expect(process.env.K18_FROM_FILE).toBe("杭州");
    expect(process.env.K18_ALREADY_SET).toBe("from-shell");
    expect(loadEnvFile(path.join(path.dirname(file), "missing.env"))).toBeNull();
  });
});

describe("Supabase keys from the environment", () => {
  it("reads the new names first, the legacy names still, and the admin's VITE_ names", () => {
    expect(supabaseKeysFromEnv({ SUPABASE_ANON_KEY: "a", SUPABASE_SERVICE_ROLE_KEY: "s" })).toEqual({ publishableKey: "a", secretKey: "s" });
    expect(
      supabaseKeysFromEnv({ SUPABASE_PUBLISHABLE_KEY: "sb_publishable_x", SUPABASE_ANON_KEY: "a", SUPABASE_SECRET_KEY: " sb_secret_y ", SUPABASE_SERVICE_ROLE_KEY: "s" }),
    ).toEqual({ publishableKey: "sb_publishable_x", secretKey: "sb_secret_y" });
    expect(supabaseKeysFromEnv({ SUPABASE_PUBLISHABLE_KEY: "", SUPABASE_ANON_KEY: "a" })).toEqual({ publishableKey: "a", secretKey: undefined });
    expect(supabaseKeysFromEnv({ VITE_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_v" }, "VITE_")).toEqual({ publishableKey: "sb_publishable_v", secretKey: undefined });
  });

});
