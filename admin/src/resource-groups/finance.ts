import type { ResourceDefinition } from "../resources.ts";

/** The finance screens, in menu order (see resources.ts for how to add one). */
export const financeResources: ResourceDefinition[] = [];
