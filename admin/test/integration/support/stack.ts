import { inject } from "vitest";

/** The private stack the integration global setup (supabase/tests/global-setup.ts) provides. */
export interface TestStack {
  url: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

export const testStack = (): TestStack => inject("stack");
