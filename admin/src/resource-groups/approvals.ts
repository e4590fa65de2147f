import type { ResourceDefinition } from "../resources.ts";

/** The approvals screens, in menu order (see resources.ts for how to add one). */
export const approvalsResources: ResourceDefinition[] = [];
