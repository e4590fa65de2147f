import type { ResourceDefinition } from "../resources.ts";

/** The channel screens, in menu order (see resources.ts for how to add one). */
export const channelResources: ResourceDefinition[] = [];
