import { CanAccess } from "@refinedev/core";
import { lazy, Suspense, type ComponentType } from "react";
import { useParams } from "react-router";
import { PageLoading } from "../components/page-loading.tsx";

const NoAccessPage = lazy(() => import("../pages/no-access/index.tsx"));

/** A page shown only to roles allowed to use it; others get 无权访问 (also when opened by URL). */
export function GuardedPage({ resource, action, Page }: { resource: string; action: string; Page: ComponentType }) {
  const { id } = useParams();
  return (
    <Suspense fallback={<PageLoading />}>
      <CanAccess resource={resource} action={action} params={id ? { id } : {}} fallback={<NoAccessPage resource={resource} action={action} />}>
        <Page />
      </CanAccess>
    </Suspense>
  );
}
