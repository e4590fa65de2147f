import { preloadMenuIcons } from "../components/menu-icons.tsx";
import { CountBadge } from "../components/notifications/menu-badge.tsx";
import { afterMessages } from "../i18n/index.ts";
import { preloadable } from "./preloadable.ts";

/** The signed-in shell, loaded on demand after the areas' labels, with its menu's icons and badges. */
export const AppLayout = preloadable(
  afterMessages(() => {
    void preloadMenuIcons().catch(() => undefined);
    void CountBadge.load().catch(() => undefined);
    return import("../components/app-layout.tsx");
  }),
);
