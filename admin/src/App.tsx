import "@refinedev/antd/dist/reset.css";
import { Authenticated, Refine } from "@refinedev/core";
import { CatchAllNavigate, DocumentTitleHandler, NavigateToResource, UnsavedChangesNotifier } from "@refinedev/react-router";
import { ConfigProvider } from "antd";
import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Outlet, Route, Routes } from "react-router";
import { MotionPreference, usePrefersReducedMotion } from "./components/motion-preference.tsx";
import { PageLoading } from "./components/page-loading.tsx";
import { antdLocale } from "./i18n/antd-locale.ts";
import i18next, { afterMessages, asLocale } from "./i18n/index.ts";
import { AppLayout } from "./routing/app-shell.ts";
import LoginPage from "./pages/login/index.tsx";
import { accessControlProvider } from "./providers/access-control-provider.ts";
import { authProvider } from "./providers/auth-provider.ts";
import { createDataProvider } from "./providers/data-provider.ts";
import { useNotificationProvider } from "./providers/notification-provider.tsx";
import { useI18nProvider } from "./providers/i18n-provider.ts";
import { supabase, supabaseUrl } from "./providers/supabase-client.ts";
import { documentTitle } from "./routing/document-title.ts";
import { GuardedPage } from "./routing/guarded-page.tsx";
import { PAGE_ROUTES, REFINE_RESOURCES } from "./routing/resource-pages.ts";
import { RouteMarker } from "./routing/route-marker.tsx";
import { sharedRouterProvider } from "./routing/router-provider.ts";
import { CurrentProjectProvider } from "./session/current-project.tsx";
import { projectInUse, projectQueryHash } from "./session/current-project-store.ts";
import { THEME } from "./theme.ts";

const dataProvider = createDataProvider(supabase, { url: supabaseUrl, getLocale: () => i18next.language, getProjectId: projectInUse.get });

// The signed-in shell (routing/app-shell.ts) and every page load on demand; the login page is in
// the entry chunk.
const ChangePasswordPage = lazy(() => import("./pages/account/password.tsx"));
const NotFoundPage = lazy(() => import("./pages/not-found.tsx"));
const RegisterPage = lazy(afterMessages(() => import("./pages/register/index.tsx")));

/** A lazily loaded page with the loading placeholder while its code comes. */
const suspended = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;

// The click ripple on buttons, off with the rest of the motion.
const WAVE = { on: { disabled: false }, off: { disabled: true } } as const;

export default function App() {
  const { i18n } = useTranslation();
  const i18nProvider = useI18nProvider();
  const reducedMotion = usePrefersReducedMotion();
  return (
    <BrowserRouter>
      <ConfigProvider locale={antdLocale(asLocale(i18n.language))} theme={THEME} wave={reducedMotion ? WAVE.off : WAVE.on}>
        <MotionPreference reduced={reducedMotion}>
          <Refine
            dataProvider={dataProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18nProvider}
            routerProvider={sharedRouterProvider}
            notificationProvider={useNotificationProvider}
            resources={REFINE_RESOURCES}
            options={{
              syncWithLocation: true,
              warnWhenUnsavedChanges: true,
              disableTelemetry: true,
              reactQuery: { clientConfig: { defaultOptions: { queries: { queryKeyHashFn: projectQueryHash } } } },
            }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="signed-in" fallback={<CatchAllNavigate to="/login" />} loading={<PageLoading />}>
                    <CurrentProjectProvider>{suspended(<AppLayout />)}</CurrentProjectProvider>
                  </Authenticated>
                }
              >
                {PAGE_ROUTES.map(({ resource, action, path, Page }) => (
                  <Route key={path} path={path} element={<GuardedPage resource={resource} action={action} Page={Page} />} />
                ))}
                <Route path="/account/password" element={suspended(<ChangePasswordPage />)} />
                <Route path="*" element={suspended(<NotFoundPage />)} />
              </Route>
              <Route
                element={
                  <Authenticated key="signed-out" fallback={<Outlet />}>
                    <NavigateToResource resource="dashboard" />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
              </Route>
              {/* Signed in or not: an invitation link is accepted by whoever is (or becomes) signed in. */}
              <Route path="/register" element={suspended(<RegisterPage />)} />
            </Routes>
            <UnsavedChangesNotifier />
            <RouteMarker />
            <DocumentTitleHandler handler={documentTitle} />
          </Refine>
        </MotionPreference>
      </ConfigProvider>
    </BrowserRouter>
  );
}
