import type { ThemeConfig } from "antd";
import type { Plugin } from "vite";
import { extractAntdStyles } from "./antd-style-extract.ts";

/**
 * antd's styles baked at build time: every antd component the build contains is rendered once
 * with the app's theme, its CSS written to a hashed asset that index.html links first in <head>
 * (where antd puts its own <style> tags, so the cascade is the same). In the browser antd then
 * finds each style already on the page and neither computes nor inserts it: that was a fifth of
 * the script time of each full page load. Styles it does not find (another theme, a component
 * rendered in a way the extraction missed) are still made at run time. The dev server keeps
 * the run-time styles.
 */
export function antdStaticStyles(theme: ThemeConfig): Plugin {
  let href: string | undefined;
  let base = "/";
  return {
    name: "so-antd-static-styles",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      // Before Vite writes index.html (its transformIndexHtml hooks run in its generateBundle).
      order: "pre",
      handler(_options, bundle) {
        const moduleIds = Object.values(bundle).flatMap((file) => (file.type === "chunk" ? file.moduleIds : []));
        const source = extractAntdStyles(theme, moduleIds);
        href = base + this.getFileName(this.emitFile({ type: "asset", name: "antd.css", source }));
      },
    },
    transformIndexHtml: {
      order: "post",
      handler: () => (href ? [{ tag: "link", attrs: { rel: "stylesheet", href }, injectTo: "head-prepend" }] : []),
    },
  };
}
