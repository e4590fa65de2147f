import type { ResourceDefinition } from "../resources.ts";

/** The reception screens, in menu order (see resources.ts for how to add one). */
export const receptionResources: ResourceDefinition[] = [];
