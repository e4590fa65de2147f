import { ThemedLayout } from "@refinedev/antd";
import { Outlet, useLocation } from "react-router";
import { useCurrentProject } from "../session/current-project.tsx";
import { AppTitle } from "./app-title.tsx";
import { ErrorBoundary } from "./error-boundary.tsx";
import { PageLoading } from "./page-loading.tsx";
import { AppHeader } from "./header/index.tsx";

/**
 * The signed-in shell: sider menu (filtered by access control), header, page. Keyed by the
 * current project, so menus, buttons and pages re-check access when the project changes. A page
 * that fails to render shows what failed inside the shell (one error boundary per route).
 */
export default function AppLayout() {
  const { project, ready } = useCurrentProject();
  const { pathname } = useLocation();
  if (!ready) return <PageLoading />;
  return (
    <ThemedLayout key={project?.projectId ?? "no-project"} Header={AppHeader} Title={AppTitle}>
      <ErrorBoundary key={pathname} scope="page">
        <Outlet />
      </ErrorBoundary>
    </ThemedLayout>
  );
}
