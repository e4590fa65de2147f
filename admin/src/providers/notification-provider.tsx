import type { NotificationProvider } from "@refinedev/core";
import { Button } from "antd";
import type { NotificationInstance } from "antd/es/notification/interface";
import i18next from "../i18n/index.ts";

/**
 * antd's notification API of the signed-in shell's <App> (so notifications follow the theme and
 * locale), registered by <NotificationBridge> when the shell mounts. antd's <App> (with its modal,
 * message and notification code) is part of the shell's chunk, not of the entry chunk; the sign-in
 * page shows its failures in the form and has no notifications to show.
 */
let api: NotificationInstance | null = null;

export function registerNotifications(instance: NotificationInstance): () => void {
  api = instance;
  return () => {
    if (api === instance) api = null;
  };
}

/**
 * Refine's notifications as antd notifications: what happened as the title ("项目创建失败"), why
 * below it (the database's message). Written here rather than taken from @refinedev/antd so the
 * login page's bundle need not load that package. Undoable mutations get an 撤销 button.
 */
const PROVIDER: NotificationProvider = {
  open: ({ key, message, description, type, cancelMutation, undoableTimeout }) => {
    const notification = api;
    if (!notification) return;
    if (type === "progress") {
      notification.info({
        key,
        message,
        duration: undoableTimeout ?? 5,
        btn: (
          <Button
            size="small"
            onClick={() => {
              cancelMutation?.();
              if (key) notification.destroy(key);
            }}
          >
            {i18next.t("buttons.undo")}
          </Button>
        ),
      });
      return;
    }
    // A success needs no second line ("成功"): the icon says it.
    notification.open({ key, type, message, description: type === "success" ? undefined : description });
  },
  close: (key) => api?.destroy(key),
};

export const useNotificationProvider = (): NotificationProvider => PROVIDER;
