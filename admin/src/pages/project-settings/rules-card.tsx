import { SaveButton, useForm } from "@refinedev/antd";
import { Card, Form } from "antd";
import { useTranslation } from "react-i18next";
import { ProjectRuleFields } from "../../resources/projects/rule-fields.tsx";
import type { Project } from "../../resources/projects/types.ts";

/**
 * 规则设置: 客户保护天数, 预留时长, 报备提前量, 带看保护天数, 审批有效期, 签约期限, 每日汇总时刻 —
 * the projects edit form's rule fields, saved to the project (admins; others read them).
 */
export function RulesCard({ projectId, editable }: { projectId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { formProps, saveButtonProps, query } = useForm<Project>({
    resource: "projects",
    id: projectId,
    action: "edit",
    redirect: false,
    meta: { select: "id, ownership_days, hold_minutes, report_lead_minutes, report_protection_days, approval_lapse_hours, contract_deadline_days, digest_hour" },
  });
  return (
    <Card
      title={t("project_settings.rules.title")}
      loading={query?.isLoading}
      extra={editable && <SaveButton {...saveButtonProps} data-testid="rules-save" />}
      data-testid="project-rules"
    >
      <Form {...formProps} layout="vertical" disabled={!editable} requiredMark={editable}>
        <ProjectRuleFields />
      </Form>
    </Card>
  );
}
