import type { NotificationProvider } from "@refinedev/core";
import { App, Button } from "antd";
import i18next from "../i18n/index.ts";

/**
 * Refine's notifications as antd notifications (from <App>'s context, so they follow the
 * theme and locale): what happened as the title ("项目创建失败"), why below it (the database's
 * message). Written here rather than taken from @refinedev/antd so the login page's bundle
 * need not load that package. Undoable mutations get an 撤销 button.
 */
export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type, cancelMutation, undoableTimeout }) => {
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
    close: (key) => notification.destroy(key),
  };
}
