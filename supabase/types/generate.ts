import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { REPO_DIR } from "../local/config.ts";
import { introspect } from "./introspect.ts";
import { renderTypes } from "./render.ts";

export const TYPES_FILE = path.join(REPO_DIR, "shared/src/database.types.ts");

/** The TypeScript types of the public schema, read from a live database. */
export async function generateTypes(dbUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return renderTypes(await introspect(client));
  } finally {
    await client.end();
  }
}

// `npm run -w supabase gen:types`: starts a throwaway stack, writes shared/src/database.types.ts.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { withBenchStack } = await import("../../bench/support.ts");
  const text = await withBenchStack((stack) => generateTypes(stack.dbUrl), { seedFile: null });
  fs.writeFileSync(TYPES_FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), TYPES_FILE)}`);
}
