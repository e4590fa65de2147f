import { Edit, useForm } from "@refinedev/antd";
import { Divider, Form } from "antd";
import { useTranslation } from "react-i18next";
import { ProjectBasicFields } from "./basic-fields.tsx";
import { ProjectPaperFields } from "./paper-fields.tsx";
import { ProjectRuleFields } from "./rule-fields.tsx";
import type { Project } from "./types.ts";

/** 编辑项目 (admins): the basics and the project's rule settings. */
export default function ProjectEdit() {
  const { t } = useTranslation();
  const { formProps, saveButtonProps } = useForm<Project>({ redirect: "show" });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <Divider orientation="left" orientationMargin={0}>
          {t("projects.sections.basic")}
        </Divider>
        <ProjectBasicFields />
        <Divider orientation="left" orientationMargin={0}>
          {t("papers.projectSection")}
        </Divider>
        <ProjectPaperFields />
        <Divider orientation="left" orientationMargin={0}>
          {t("projects.sections.rules")}
        </Divider>
        <ProjectRuleFields />
      </Form>
    </Edit>
  );
}
