import { App } from "antd";
import { useLayoutEffect } from "react";
import { registerNotifications } from "../providers/notification-provider.tsx";

/** Hands the shell's antd <App> notification API to refine's notification provider. */
export function NotificationBridge() {
  const { notification } = App.useApp();
  useLayoutEffect(() => registerNotifications(notification), [notification]);
  return null;
}
