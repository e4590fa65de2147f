import { startLocalStack, StackError, type LocalStack } from "./index.ts";
import { printStackBanner } from "./banner.ts";

/** `npm run -w supabase start`: the local Supabase stack alone, until Ctrl-C (or until it gives up: exit 1). */
let stack: LocalStack | undefined;
const shutdown = async () => {
  await stack?.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

try {
  stack = await startLocalStack({ log: process.env.DEBUG ? (l) => console.error(l) : () => {} });
  // The supervisor has stopped every child and printed why.
  stack.onFatal(() => process.exit(1));
  printStackBanner(stack);
  console.log(`健康检查 Health  ${stack.url}/health`);
} catch (error) {
  console.error(error instanceof StackError ? error.message : error);
  process.exit(1);
}
