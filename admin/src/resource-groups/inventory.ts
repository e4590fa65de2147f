import type { ResourceDefinition } from "../resources.ts";

/** The inventory screens, in menu order (see resources.ts for how to add one). */
export const inventoryResources: ResourceDefinition[] = [];
