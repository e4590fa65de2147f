import { DateField, Show } from "@refinedev/antd";
import { useShow } from "@refinedev/core";
import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { PROJECT_RULES, type Project } from "./types.ts";

/** 项目详情: the basics and the rule settings. */
export default function ProjectShow() {
  const { t } = useTranslation();
  const { result: project, query } = useShow<Project>();
  return (
    <Show isLoading={query.isLoading}>
      {project && (
        <>
          <Descriptions title={t("projects.sections.basic")} bordered column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t("projects.fields.name")}>{project.name}</Descriptions.Item>
            <Descriptions.Item label={t("projects.fields.code")}>{project.code}</Descriptions.Item>
            <Descriptions.Item label={t("projects.fields.city")}>{project.city}</Descriptions.Item>
            <Descriptions.Item label={t("projects.fields.address")}>{project.address ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("projects.fields.created_at")}>
              <DateField value={project.created_at} format="YYYY-MM-DD HH:mm" />
            </Descriptions.Item>
            <Descriptions.Item label={t("projects.fields.timezone")}>{project.timezone}</Descriptions.Item>
          </Descriptions>
          <Descriptions title={t("projects.sections.rules")} bordered column={{ xs: 1, md: 2 }} size="small" style={{ marginTop: 24 }}>
            {PROJECT_RULES.map(({ field, unit }) => (
              <Descriptions.Item key={field} label={t(`projects.fields.${field}`)}>
                {project[field]} {t(`projects.units.${unit}`)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </>
      )}
    </Show>
  );
}
