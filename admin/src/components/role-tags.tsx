import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Role } from "../session/roles.ts";

const COLORS: Partial<Record<Role, string>> = {
  admin: "red",
  gm: "volcano",
  vp: "orange",
  marketing_director: "gold",
  sales_manager: "blue",
  finance: "green",
  channel_manager: "purple",
  consultant: "cyan",
  broker: "default",
};

/** Roles as coloured tags, in zh-CN labels (roles.*). */
export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <span data-testid="role-tags">
      {roles.map((role) => (
        <Tag key={role} color={COLORS[role]} style={{ marginInlineEnd: 4 }}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </span>
  );
}
