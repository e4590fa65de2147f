import type { ThemeConfig } from "antd";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const EXTRACT_CLI = fileURLToPath(new URL("./antd-style-extract-cli.ts", import.meta.url));
const REPO_DIR = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The extraction in a Node process of its own, in production mode: React and its server renderer
 * must come in the same build, and a process that already loaded React in another mode (a test
 * worker under NODE_ENV=test) would pair development React with the production renderer.
 */
function extractInOwnProcess(theme: ThemeConfig, moduleIds: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", EXTRACT_CLI], {
    cwd: REPO_DIR,
    input: JSON.stringify({ theme, moduleIds }),
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

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
        const source = extractInOwnProcess(theme, moduleIds);
        href = base + this.getFileName(this.emitFile({ type: "asset", name: "antd.css", source }));
      },
    },
    transformIndexHtml: {
      order: "post",
      handler: () => (href ? [{ tag: "link", attrs: { rel: "stylesheet", href }, injectTo: "head-prepend" }] : []),
    },
  };
}
