import { startLocalStack, StackError, type LocalStack } from "./index.ts";
import { printStackBanner } from "./banner.ts";
import { loadEnvFile } from "../../shared/src/env-file.ts";

/**
 * `npm run -w supabase start`: the local Supabase stack alone, until Ctrl-C (or until it gives up:
 * exit 1). LOCAL_DATA_DIR and LOCAL_{GATEWAY,POSTGRES,POSTGREST}_PORT move it off the defaults
 * (a second stack beside npm start's, or a test).
 */
loadEnvFile();
let stack: LocalStack | undefined;
const shutdown = async () => {
  await stack?.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

try {
  const env = process.env;
  stack = await startLocalStack({
    log: env.DEBUG ? (l) => console.error(l) : () => {},
    ...(env.LOCAL_DATA_DIR ? { dataDir: env.LOCAL_DATA_DIR } : {}),
    ...(env.LOCAL_GATEWAY_PORT ? { gatewayPort: Number(env.LOCAL_GATEWAY_PORT) } : {}),
    ...(env.LOCAL_POSTGRES_PORT ? { postgresPort: Number(env.LOCAL_POSTGRES_PORT) } : {}),
    ...(env.LOCAL_POSTGREST_PORT ? { postgrestPort: Number(env.LOCAL_POSTGREST_PORT) } : {}),
  });
  // The supervisor has stopped every child and printed why.
  stack.onFatal(() => process.exit(1));
  printStackBanner(stack);
  console.log(`健康检查 Health  ${stack.url}/health`);
} catch (error) {
  console.error(error instanceof StackError ? error.message : error);
  process.exit(1);
}
