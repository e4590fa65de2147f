import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freeStackPorts, startLocalStack, type LocalStack } from "../local/index.ts";

/** What a test needs of the stack: its addresses and keys (LocalStack's, as plain data vitest can hand over). */
export type TestStack = Pick<LocalStack, "url" | "dbUrl" | "postgresUrl" | "anonKey" | "serviceRoleKey" | "publishableKey" | "secretKey" | "jwtSecret">;

declare module "vitest" {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/**
 * One private stack for the integration tests: its own data directory and free ports, so it
 * never touches .data/ or a running `npm start`. Stopped and removed afterwards.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-test-"));
  const stack = await startLocalStack({
    dataDir: path.join(dir, "postgres"),
    ...(await freeStackPorts()),
    // Tests sign in hundreds of times from 127.0.0.1; auth.test.ts reaches the limits on a handler of its own.
    authRateLimits: { windowSeconds: 300, perIp: 1_000_000, perEmail: 1_000_000 },
  });
  project.provide("stack", {
    url: stack.url,
    dbUrl: stack.dbUrl,
    postgresUrl: stack.postgresUrl,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    publishableKey: stack.publishableKey,
    secretKey: stack.secretKey,
    jwtSecret: stack.jwtSecret,
  });
  return async () => {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
