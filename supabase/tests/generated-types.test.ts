import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { generateTypes, TYPES_FILE } from "../types/generate.ts";
import { seedSql } from "../seed/generate.ts";
import { SEED_FILE } from "../local/config.ts";
import { stack } from "./support/clients.ts";

// Generated files are never written by hand: they must match what their generators make now.
describe("generated files are fresh", () => {
  it("shared/src/database.types.ts matches the migrated database", async () => {
    const expected = await generateTypes(stack().dbUrl);
    expect(fs.readFileSync(TYPES_FILE, "utf8"), "run: npm run -w supabase gen:types").toBe(expected);
  });

  it("supabase/seed.sql matches its generator", () => {
    expect(fs.readFileSync(SEED_FILE, "utf8"), "run: npm run -w supabase gen:seed").toBe(seedSql());
  });
});
