import { ThemedLayout } from "@refinedev/antd";
import { App as AntdApp } from "antd";
import { Outlet, useLocation } from "react-router";
import "../i18n/dayjs-locale.ts";
import { useCurrentProject } from "../session/current-project.tsx";
import { AppSider } from "./app-sider.tsx";
import { AppTitle } from "./app-title.tsx";
import { ErrorBoundary } from "./error-boundary.tsx";
import { NotificationBridge } from "./notification-bridge.tsx";
import { PageLoading } from "./page-loading.tsx";
import { AppHeader } from "./header/index.tsx";

/**
 * The signed-in shell: sider menu (filtered by access control), header, page. Keyed by the
 * current project, so menus, buttons and pages re-check access when the project changes. A page
 * that fails to render shows what failed inside the shell (one error boundary per route).
 * antd's <App> (the pages' modal, message and notification hooks) is here rather than around the
 * whole app, so its code loads with the shell, not with the sign-in page.
 */
export default function AppLayout() {
  const { project, ready } = useCurrentProject();
  const { pathname } = useLocation();
  if (!ready) return <PageLoading />;
  return (
    <AntdApp>
      <NotificationBridge />
      <ThemedLayout key={project?.projectId ?? "no-project"} Header={AppHeader} Title={AppTitle} Sider={AppSider}>
        <ErrorBoundary key={pathname} scope="page">
          <Outlet />
        </ErrorBoundary>
      </ThemedLayout>
    </AntdApp>
  );
}
