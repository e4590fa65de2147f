import type { ResourceDefinition } from "../resources.ts";

/** The deals screens, in menu order (see resources.ts for how to add one). */
export const dealsResources: ResourceDefinition[] = [];
