import { ProjectOutlined } from "@ant-design/icons";
import { Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";

/** The project in use; a choice for people who work in several projects. */
export function ProjectSwitcher() {
  const { t } = useTranslation();
  const { project, projects, setProject } = useCurrentProject();
  if (!project) return <Typography.Text type="secondary">{t("header.noProject")}</Typography.Text>;
  if (projects.length === 1) {
    return (
      <Space size={4} data-testid="current-project">
        <ProjectOutlined />
        <Typography.Text strong>{project.projectName}</Typography.Text>
      </Space>
    );
  }
  return (
    <Select
      aria-label={t("header.switchProject")}
      data-testid="project-switcher"
      value={project.projectId}
      onChange={setProject}
      suffixIcon={<ProjectOutlined />}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160 }}
      options={projects.map((p) => ({ value: p.projectId, label: t("header.projectLabel", { name: p.projectName, code: p.projectCode }) }))}
    />
  );
}
