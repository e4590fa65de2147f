import { defineConfig } from "vitest/config";

// Two projects: "unit" needs nothing running; "integration" gets a private local stack
// (own data directory, free ports) started once by the global setup and stopped afterwards.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{shared,bot,admin}/test/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["supabase/tests/**/*.test.ts", "{bot,admin}/test/integration/**/*.test.ts"],
          globalSetup: ["./supabase/tests/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for a state; its default second is too short on a loaded machine.
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
