import type { RefineThemedLayoutHeaderProps } from "@refinedev/antd";
import { Divider, Layout, Space, theme } from "antd";
import { useCurrentProject } from "../../session/current-project.tsx";
import { RoleTags } from "../role-tags.tsx";
import { NotificationBell } from "../notifications/notification-bell.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { ProjectSwitcher } from "./project-switcher.tsx";
import { UserMenu } from "./user-menu.tsx";
import "../responsive/small-screens.css";
import "./header.css";

/** Project switcher, the person's roles there, the notification bell, language, and the user menu. */
export function AppHeader({ sticky = true }: RefineThemedLayoutHeaderProps) {
  const { token } = theme.useToken();
  const { roles } = useCurrentProject();
  return (
    <Layout.Header
      className="so-header"
      style={{
        backgroundColor: token.colorBgElevated,
        display: "flex",
        justifyContent: "space-between",
        alignItems: "center",
        padding: "0 24px",
        height: 64,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        ...(sticky ? { position: "sticky", top: 0, zIndex: 10 } : {}),
      }}
    >
      <div className="so-header-left">
        <ProjectSwitcher />
        <RoleTags roles={roles} />
      </div>
      <Space size="small" split={<Divider type="vertical" />} className="so-header-right">
        <NotificationBell />
        <LanguageSwitch />
        <UserMenu />
      </Space>
    </Layout.Header>
  );
}
