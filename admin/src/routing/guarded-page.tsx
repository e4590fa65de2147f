import { lazy, Suspense, type ComponentType } from "react";
import { PageLoading } from "../components/page-loading.tsx";
import { useAllowed } from "../hooks/use-allowed.ts";

const NoAccessPage = lazy(() => import("../pages/no-access/index.tsx"));

/** A page shown only to roles allowed to use it; others get 无权访问 (also when opened by URL). */
export function GuardedPage({ resource, action, Page }: { resource: string; action: string; Page: ComponentType }) {
  const allowed = useAllowed(resource, action);
  return <Suspense fallback={<PageLoading />}>{allowed ? <Page /> : <NoAccessPage resource={resource} action={action} />}</Suspense>;
}
