import { inject } from "vitest";
import type { TestStack } from "../../../../supabase/tests/global-setup.ts";

export type { TestStack };

/** The private stack the integration global setup (supabase/tests/global-setup.ts) provides. */
export const testStack = (): TestStack => inject("stack");
