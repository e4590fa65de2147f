import type { ResourceDefinition } from "../resources.ts";

/** The reports screens, in menu order (see resources.ts for how to add one). */
export const reportsResources: ResourceDefinition[] = [];
