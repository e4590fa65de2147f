import i18next from "../i18n/index.ts";

/** The tab title: page title · 销售案场管理后台. */
export function documentTitle({ resource, action }: { resource?: { name: string }; action?: string }): string {
  const app = i18next.t("app.fullTitle");
  if (!resource) return app;
  const key = action && action !== "list" ? `${resource.name}.titles.${action}` : `${resource.name}.${resource.name}`;
  return `${i18next.t(key)} · ${app}`;
}
