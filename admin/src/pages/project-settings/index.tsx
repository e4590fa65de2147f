import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MatrixCard } from "./matrix-card.tsx";
import { RulesCard } from "./rules-card.tsx";
import { SettingsHistoryCard } from "./history-card.tsx";

/** 项目设置: the current project's rules and its authority matrix (admins edit, others read). */
export default function ProjectSettingsPage() {
  const { t } = useTranslation();
  const { project, roles } = useCurrentProject();
  if (!project) return null;
  const editable = roles.includes("admin");
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("project_settings.project_settings")}
        </Typography.Title>
        <Typography.Text type="secondary">
          {editable ? t("project_settings.subtitle", { project: project.projectName }) : t("project_settings.readOnly", { project: project.projectName })}
        </Typography.Text>
      </div>
      <RulesCard key={`rules-${project.projectId}`} editable={editable} />
      <MatrixCard key={`matrix-${project.projectId}`} editable={editable} />
      {editable && <SettingsHistoryCard key={`history-${project.projectId}`} projectId={project.projectId} />}
    </Space>
  );
}
