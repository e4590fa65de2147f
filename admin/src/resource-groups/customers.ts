import type { ResourceDefinition } from "../resources.ts";

/** The customers screens, in menu order (see resources.ts for how to add one). */
export const customersResources: ResourceDefinition[] = [];
