import { useGo } from "@refinedev/core";
import { Button, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { allowedRoles } from "../../access/policy.ts";
import { SIGNED_IN } from "../../access/rules.ts";
import { RoleTags } from "../../components/role-tags.tsx";
import { ACCESS_RULES } from "../../providers/access-control-provider.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { sortRoles } from "../../session/roles.ts";

/** 无权访问: which roles could use the page, and which the person has in the current project. */
export default function NoAccessPage({ resource, action }: { resource?: string; action?: string }) {
  const { t } = useTranslation();
  const go = useGo();
  const { roles } = useCurrentProject();
  const allowed = resource && action ? allowedRoles(ACCESS_RULES[resource], action) : undefined;
  const required = allowed && allowed !== SIGNED_IN ? sortRoles(allowed) : [];
  return (
    <Result
      status="403"
      title={t("pages.noAccess.title")}
      subTitle={t("pages.noAccess.description")}
      extra={
        <Space direction="vertical" size="middle" align="center">
          <Typography.Text type="secondary" data-testid="no-access-required">
            {required.length ? t("pages.noAccess.required", { roles: required.map((r) => t(`roles.${r}`)).join("、") }) : t("pages.noAccess.nobody")}
          </Typography.Text>
          <Space size={4}>
            <Typography.Text type="secondary">{t("pages.noAccess.yourRoles", { roles: "" })}</Typography.Text>
            {roles.length ? <RoleTags roles={roles} /> : <Typography.Text type="secondary">{t("pages.noAccess.none")}</Typography.Text>}
          </Space>
          <Button type="primary" onClick={() => go({ to: "/" })}>
            {t("pages.noAccess.backHome")}
          </Button>
        </Space>
      }
    />
  );
}
