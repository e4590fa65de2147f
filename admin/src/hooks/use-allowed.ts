import { useCan } from "@refinedev/core";

/** May the signed-in person do this (the access rules of resources.ts, which mirror RLS)? */
export function useAllowed(resource: string, action: string): boolean {
  const { data } = useCan({ resource, action });
  return Boolean(data?.can);
}
