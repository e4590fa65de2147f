import type { ThemeConfig } from "antd";
import { createRequire } from "node:module";
import type { ComponentType, ReactNode } from "react";

// antd, React and the CSS-in-JS runtime as Node loads them for a server render: their CommonJS
// builds, one instance each (antd's context must be the one the cache provider fills).
const require = createRequire(import.meta.url);

type Antd = typeof import("antd");
type Render = (antd: Antd, h: typeof import("react").createElement) => ReactNode;

/** antd's folders under `antd/es/` that hold no component of their own to render. */
const NOT_COMPONENTS = new Set(["_util", "config-provider", "locale", "style", "theme", "version", "icon", "grid", "col", "row"]);

/**
 * How a component is rendered so that it registers every style it uses at run time; the rest
 * render with no props. Portals do not render on the server, so pop-ups register through the
 * closed component (Modal, Drawer, Tooltip…) or their panels (message, notification).
 */
const RENDER: Record<string, Render> = {
  Affix: (a, h) => h(a.Affix, null, h("div")),
  Button: (a, h) => [h(a.Button, { key: 1 }), h(a.Space.Compact, { key: 2 }, h(a.Button))],
  Dropdown: (a, h) => h(a.Dropdown, { menu: { items: [] } }, h("div")),
  Form: (a, h) => h(a.Form, null, h(a.Form.Item, { label: "x", help: "x" }, h(a.Input))),
  Input: (a, h) => [h(a.Input, { key: 1 }), h(a.Input.TextArea, { key: 2 }), h(a.Input.Search, { key: 3 }), h(a.Input.Password, { key: 4 }), h(a.Input.OTP, { key: 5 })],
  Layout: (a, h) => h(a.Layout, null, h(a.Layout.Sider), h(a.Layout.Header), h(a.Layout.Content), h(a.Layout.Footer)),
  Menu: (a, h) => h(a.Menu, { items: [] }),
  Message: (a, h) => h(a.message._InternalPanelDoNotUseOrYouWillBeFired, { content: "x" }),
  Notification: (a, h) => h(a.notification._InternalPanelDoNotUseOrYouWillBeFired, { message: "x" }),
  QrCode: (a, h) => h(a.QRCode, { value: "x" }),
  Qrcode: (a, h) => h(a.QRCode, { value: "x" }),
  Tag: (a, h) => [h(a.Tag, { key: 1 }), h(a.Tag, { key: 2, color: "blue" }), h(a.Tag, { key: 3, color: "success" })],
  Tree: (a, h) => h(a.Tree, { treeData: [] }),
};

/** antd's component folders among the build's modules (`…/node_modules/antd/es/<folder>/…`). */
function antdFolders(moduleIds: string[]): Set<string> {
  const folders = new Set<string>();
  for (const id of moduleIds) {
    const m = /[\\/]node_modules[\\/]antd[\\/]es[\\/]([^\\/]+)[\\/]/.exec(id);
    if (m) folders.add(m[1]);
  }
  return folders;
}

const pascal = (folder: string) => folder.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());

/**
 * The CSS antd's CSS-in-JS would insert at run time for the antd components among `moduleIds`
 * (the build's modules), each rendered once on the server under the app's theme, plus the
 * `.data-ant-cssinjs-cache-path` rule that tells antd in the browser that these styles are
 * already on the page (`@ant-design/cssinjs`: a path listed there is neither generated nor
 * inserted). The path includes the theme's token hash, so `theme` must be what the app's
 * ConfigProvider gets, or nothing matches and antd simply generates the styles as before.
 */
export function extractAntdStyles(theme: ThemeConfig, moduleIds: string[]): string {
  const folders = antdFolders(moduleIds);
  // refine's page header is @ant-design/pro-layout's, styled through the same CSS-in-JS.
  const proPageHeader = moduleIds.some((id) => /[\\/]@ant-design[\\/]pro-layout[\\/]es[\\/]components[\\/]PageHeader[\\/]/.test(id));
  const { createElement: h } = require("react") as typeof import("react");
  const { renderToString } = require("react-dom/server") as typeof import("react-dom/server");
  const antd = require("antd") as Antd;
  const { createCache, extractStyle, StyleProvider } = require("@ant-design/cssinjs") as typeof import("@ant-design/cssinjs");
  // Modal.confirm's own style registers only inside an open confirm dialog (a portal).
  const modalConfirm = (require("antd/lib/modal/style/confirm.js") as { default: ComponentType<{ prefixCls: string }> }).default;
  const pro = proPageHeader ? (require("@ant-design/pro-layout/lib/components/PageHeader/index.js") as { PageHeader: ComponentType<{ title: string }> }) : undefined;
  const nodes: ReactNode[] = [
    h(antd.App),
    h(modalConfirm, { prefixCls: "ant-modal" }),
    // A ConfigProvider registers the icons' base style with its parent's theme: the app's own with
    // antd's default theme (below), those nested in the app (refine's, antd's own) with `theme`.
    h(antd.ConfigProvider, null, h("div")),
  ];
  for (const folder of folders) {
    if (NOT_COMPONENTS.has(folder)) continue;
    const name = pascal(folder);
    const Component = (antd as unknown as Record<string, ComponentType | undefined>)[name];
    if (RENDER[name]) nodes.push(RENDER[name](antd, h));
    else if (Component) nodes.push(h(Component));
  }
  if (folders.has("grid") || folders.has("row") || folders.has("col")) nodes.push(h(antd.Row, null, h(antd.Col)));
  if (pro) nodes.push(h(pro.PageHeader, { title: "x" }));

  const cache = createCache();
  for (const node of nodes) {
    renderToString(h(StyleProvider, { cache }, h(antd.ConfigProvider, { theme }, node)));
  }
  return extractStyle(cache, { plain: true, types: ["style"] });
}
