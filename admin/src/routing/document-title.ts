import i18next from "../i18n/index.ts";

type TitleArgs = { resource?: { name: string }; action?: string };

const titleOf = ({ resource, action }: TitleArgs): string => {
  const app = i18next.t("app.fullTitle");
  if (!resource) return app;
  const key = action && action !== "list" ? `${resource.name}.titles.${action}` : `${resource.name}.${resource.name}`;
  return `${i18next.t(key)} · ${app}`;
};

let shown: TitleArgs | undefined;

/** The tab title: page title · 销售案场管理后台. */
export function documentTitle(args: TitleArgs): string {
  shown = args;
  return titleOf(args);
}

// The areas' labels arrive after the first route may have set its title (refine sets it only on
// navigation): set it again with them.
i18next.store.on("added", () => {
  if (shown) document.title = titleOf(shown);
});
