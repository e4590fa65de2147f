import react from "@vitejs/plugin-react";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { antdStaticStyles } from "./build-plugins/antd-static-styles.ts";
import { THEME } from "./src/theme.ts";

// supabase-js parts the admin never uses, replaced by stand-ins (see the file).
const UNUSED_SUPABASE = fileURLToPath(new URL("./src/lib/supabase-unused.ts", import.meta.url));
// Libraries refine's core imports that the admin does not need at their full size (see the files).
const UNUSED_PAPAPARSE = fileURLToPath(new URL("./src/lib/papaparse-unused.ts", import.meta.url));
const PLURALIZE = fileURLToPath(new URL("./src/lib/pluralize-identity.ts", import.meta.url));
const SIDE_CHANNEL = fileURLToPath(new URL("./src/lib/side-channel.cjs", import.meta.url));
const UNUSED_AUTH = fileURLToPath(new URL("./src/lib/auth-js-unused.ts", import.meta.url));
const AUTH_JS_UNUSED_PARTS = new Set(["./GoTrueAdminApi", "./lib/webauthn", "./lib/web3/ethereum"]);

/** auth-js's own imports of its admin API, passkeys and Web3 sign-in → the stand-ins. */
const authJsUnused: Plugin = {
  name: "so-auth-js-unused",
  enforce: "pre",
  resolveId(source, importer) {
    if (AUTH_JS_UNUSED_PARTS.has(source) && importer && /[\\/]@supabase[\\/]auth-js[\\/]dist[\\/]module[\\/]GoTrueClient\.js$/.test(importer)) return UNUSED_AUTH;
    return null;
  },
};

/**
 * The built files under /assets/ carry a hash of their content in their names, so the preview
 * server (tests, benchmarks, `vite preview`) lets the browser keep them: a reload then loads the
 * admin's hundred-odd chunks from its cache instead of asking for each again (Vite's server
 * answers "no-cache", i.e. one revalidation request per file and page load). Any static host
 * serving the build should do the same for /assets/.
 */
const immutableAssets: Plugin = {
  name: "so-immutable-assets",
  configurePreviewServer(server) {
    const outDir = path.resolve(server.config.root, server.config.build.outDir);
    server.middlewares.use((req, res, next) => {
      const file = req.url?.startsWith("/assets/") ? path.join(outDir, decodeURI(req.url.split("?")[0])) : null;
      // Only for files that exist: a missing chunk's 404 must not be kept.
      if (file?.startsWith(outDir) && fs.existsSync(file)) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      next();
    });
  },
};

const PURE_PACKAGES = /node_modules\/(error-stack-parser|stackframe|@refinedev\/devtools-internal|@refinedev\/devtools-shared|rc-field-form|@rc-component\/async-validator|rc-util|rc-input|rc-textarea|rc-motion|rc-dialog|rc-notification|@rc-component\/trigger|rc-resize-observer|@supabase\/auth-js)\//;

/**
 * The admin SPA. Pages are lazy-loaded per route (see src/routing/), so the entry chunk holds
 * only what the login page and the shell need. `serve.ts` starts this config programmatically
 * (dev server or build + preview) for `npm start` and the end-to-end tests.
 */
export default defineConfig({
  plugins: [react(), authJsUnused, immutableAssets, antdStaticStyles(THEME)],
  // One supabase-js for the app and @refinedev/supabase: the workspaces pin different versions,
  // so npm keeps a copy per workspace and none where @refinedev/supabase could find it.
  resolve: {
    dedupe: ["@supabase/supabase-js"],
    alias: {
      "@supabase/realtime-js": UNUSED_SUPABASE,
      "@supabase/storage-js": UNUSED_SUPABASE,
      "@supabase/functions-js": UNUSED_SUPABASE,
      papaparse: UNUSED_PAPAPARSE,
      pluralize: PLURALIZE,
      "side-channel": SIDE_CHANNEL,
    },
  },
  // VITE_SUPABASE_* come from the repository's .env (the one .env.example describes).
  envDir: fileURLToPath(new URL("..", import.meta.url)),
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
  build: {
    manifest: true,
    // Every browser the offices use supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    target: "es2022",
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      treeshake: {
        // Component libraries antd imports through their index files that declare no
        // "sideEffects" in package.json: their modules only define things, so what the sign-in page
        // does not use (Form's validator when only its context is imported) is left out.
        moduleSideEffects: (id) => (PURE_PACKAGES.test(id) ? false : undefined),
      },
    },
  },
});
