import { ThemedLayout } from "@refinedev/antd";
import { Outlet } from "react-router";
import { useCurrentProject } from "../session/current-project.tsx";
import { AppTitle } from "./app-title.tsx";
import { PageLoading } from "./page-loading.tsx";
import { AppHeader } from "./header/index.tsx";

/**
 * The signed-in shell: sider menu (filtered by access control), header, page. Keyed by the
 * current project, so menus, buttons and pages re-check access when the project changes.
 */
export default function AppLayout() {
  const { project, ready } = useCurrentProject();
  if (!ready) return <PageLoading />;
  return (
    <ThemedLayout key={project?.projectId ?? "no-project"} Header={AppHeader} Title={AppTitle}>
      <Outlet />
    </ThemedLayout>
  );
}
