import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// supabase-js parts the admin never uses, replaced by stand-ins (see the file).
const UNUSED_SUPABASE = fileURLToPath(new URL("./src/lib/supabase-unused.ts", import.meta.url));

/**
 * The admin SPA. Pages are lazy-loaded per route (see src/routing/), so the entry chunk holds
 * only what the login page and the shell need. `serve.ts` starts this config programmatically
 * (dev server or build + preview) for `npm start` and the end-to-end tests.
 */
export default defineConfig({
  plugins: [react()],
  // One supabase-js for the app and @refinedev/supabase: the workspaces pin different versions,
  // so npm keeps a copy per workspace and none where @refinedev/supabase could find it.
  resolve: {
    dedupe: ["@supabase/supabase-js"],
    alias: {
      "@supabase/realtime-js": UNUSED_SUPABASE,
      "@supabase/storage-js": UNUSED_SUPABASE,
      "@supabase/functions-js": UNUSED_SUPABASE,
    },
  },
  // VITE_SUPABASE_* come from the repository's .env (the one .env.example describes).
  envDir: fileURLToPath(new URL("..", import.meta.url)),
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
  build: {
    manifest: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
});
