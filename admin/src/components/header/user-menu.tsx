import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { useGo, useLogout } from "@refinedev/core";
import { Avatar, Dropdown, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";

/** The signed-in person's name; 修改密码 and 退出登录 in its menu. */
export function UserMenu() {
  const { t } = useTranslation();
  const go = useGo();
  const { mutate: logout } = useLogout();
  const { identity } = useCurrentProject();
  if (!identity) return null;
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "password", icon: <LockOutlined />, label: t("header.changePassword") },
          { type: "divider" },
          { key: "logout", icon: <LogoutOutlined />, label: t("header.logout"), danger: true },
        ],
        onClick: ({ key }) => (key === "logout" ? logout() : go({ to: "/account/password" })),
      }}
    >
      <a data-testid="user-menu" onClick={(e) => e.preventDefault()} href="#">
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: "#1677ff" }} />
          <Typography.Text strong data-testid="user-name">
            {identity.name}
          </Typography.Text>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </a>
    </Dropdown>
  );
}
