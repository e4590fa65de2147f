export { startLocalStack, defaultSupervision, type LocalStack, type StackHealth, type StackPids, type SupervisionOptions } from "./stack.ts";
export {
  LOCAL_ANON_KEY,
  LOCAL_JWT_SECRET,
  LOCAL_PUBLISHABLE_KEY,
  LOCAL_SECRET_KEY,
  LOCAL_SERVICE_ROLE_KEY,
  defaultStackOptions,
} from "./config.ts";
export { StackError } from "./errors.ts";
export { freePort, freeStackPorts } from "./ports.ts";
