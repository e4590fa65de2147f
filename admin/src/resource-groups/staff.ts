import type { ResourceDefinition } from "../resources.ts";

/** The staff screens, in menu order (see resources.ts for how to add one). */
export const staffResources: ResourceDefinition[] = [];
