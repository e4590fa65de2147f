import { useGo } from "@refinedev/core";
import { App } from "antd";

/** For a create page whose call succeeded: says what was done and moves on to where it can be seen. */
export function useAnnounceAndGo() {
  const go = useGo();
  const { message } = App.useApp();
  return (text: string, to: string) => {
    message.success(text);
    go({ to });
  };
}
