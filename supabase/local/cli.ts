import { startLocalStack, StackError, type LocalStack } from "./index.ts";
import { printStackBanner } from "./banner.ts";
import { loadEnvFile } from "../../shared/src/env-file.ts";

/** `npm run -w supabase start`: the local Supabase stack alone, until Ctrl-C. */
loadEnvFile();
let stack: LocalStack | undefined;
const shutdown = async () => {
  await stack?.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

try {
  stack = await startLocalStack({ log: process.env.DEBUG ? (l) => console.error(l) : () => {} });
  printStackBanner(stack);
} catch (error) {
  console.error(error instanceof StackError ? error.message : error);
  process.exit(1);
}
