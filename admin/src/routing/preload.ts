import { matchPath } from "react-router";
import { supabase } from "../providers/supabase-client.ts";
import { prefetchSalesBoard } from "../components/inventory/board-prefetch.ts";
import { currentProjectStore, projectInUse } from "../session/current-project-store.ts";
import { resolveProject } from "../session/identity.ts";
import { loadIdentity } from "../session/identity-cache.ts";
import { AppLayout } from "./app-shell.ts";
import { PAGE_ROUTES } from "./resource-pages.ts";

/**
 * Start-up work in parallel instead of one step after another: with a stored session, the
 * identity (roles per project), the signed-in shell's chunk and the chunk of the page being
 * opened are all requested at once, while React renders the first frame (on /board also the
 * board's data). Without this, each
 * waited for the previous one (session check → identity → shell → access check → page → data).
 * Nothing here decides anything: the same loaders run again later and get the cached results.
 */
export function preloadStartup(pathname: string): void {
  void supabase.auth.getSession().then(({ data }) => {
    if (!data.session) return;
    const identity = loadIdentity();
    identity.catch(() => undefined);
    // The 销控表's own data (board-prefetch.ts): at once for the project this browser last had in
    // use, which is nearly always the one in use now; once the identity says otherwise, for that
    // one. The function itself refuses a project the person no longer belongs to.
    if (matchPath("/board", pathname)) {
      const guess = projectInUse.lastSeen();
      if (guess) prefetchSalesBoard(guess);
      void identity.then(
        (who) => {
          const project = resolveProject(who, currentProjectStore.get());
          if (project && project.projectId !== guess) prefetchSalesBoard(project.projectId);
        },
        () => undefined,
      );
    }
    AppLayout.load().catch(() => undefined);
    PAGE_ROUTES.find((route) => matchPath(route.path, pathname))
      ?.Page.load()
      .catch(() => undefined);
  });
}
