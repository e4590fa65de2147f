import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startLocalStack } from "../local/index.ts";

export interface TestStack {
  url: string;
  dbUrl: string;
  /** The same database as the non-superuser `postgres` role (what hosted gives a project). */
  postgresUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  /** sb_publishable_… (stands for anon) and sb_secret_… (stands for service_role). */
  publishableKey: string;
  secretKey: string;
  jwtSecret: string;
}

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
    gatewayPort: await freePort(),
    postgresPort: await freePort(),
    postgrestPort: await freePort(),
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
