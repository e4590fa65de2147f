import { useOne, type HttpError } from "@refinedev/core";
import { Alert, App, Button, Card, Form } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { ProjectRuleFields } from "../../resources/projects/rule-fields.tsx";
import { PROJECT_RULES, type Project } from "../../resources/projects/types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { useShorteningConfirm } from "./shortening-confirm.tsx";

type Rules = Pick<Project, (typeof PROJECT_RULES)[number]["field"]>;
const FIELDS = PROJECT_RULES.map((r) => r.field);

/**
 * 规则设置 of the project in use: 客户保护天数, 预留时长, 报备提前量, 带看保护天数, 审批有效期, 签约期限,
 * 每日汇总时刻, 报备保留天数, 公客池预警 — saved through update_project_settings (admins; others read them).
 * The database audits every change. Shortening the protection period first shows the preview
 * (how many customers drop into the pool, get a grace period, are shortened) and saves only
 * once the admin confirms it.
 */
export function RulesCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [form] = Form.useForm<Rules>();
  const [error, setError] = useState<string | null>(null);
  const projectId = useCurrentProject().project?.projectId;
  const { result, query } = useOne<Project, HttpError>({
    resource: "projects",
    id: projectId ?? "",
    meta: { select: `id, ${FIELDS.join(", ")}` },
    queryOptions: { enabled: Boolean(projectId) },
  });
  // The preview reads only: no refresh afterwards (that would reset the form being edited).
  const preview = useProjectRpc("preview_project_settings", { refresh: false });
  const update = useProjectRpc("update_project_settings");
  const confirmShortening = useShorteningConfirm();
  const stored = result;

  useEffect(() => {
    if (query.isSuccess && stored) form.setFieldsValue(Object.fromEntries(FIELDS.map((f) => [f, stored[f]])) as Rules);
  }, [query.isSuccess, query.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (values: Rules) => {
    setError(null);
    const changes = Object.fromEntries(FIELDS.filter((f) => stored && values[f] !== stored[f]).map((f) => [f, values[f]]));
    if (Object.keys(changes).length === 0) {
      notification.info({ message: t("settingsAudit.nothingChanged") });
      return;
    }
    try {
      let confirm = false;
      if ("ownership_days" in changes) {
        const seen = await preview.call({ p_changes: changes });
        if (seen.needs_confirmation) {
          confirm = await confirmShortening(seen);
          if (!confirm) return;
        }
      }
      await update.call({ p_changes: changes, p_confirm: confirm });
      notification.success({ message: t("settingsAudit.saved") });
      void query.refetch();
    } catch (e) {
      setError((e as HttpError).message);
    }
  };

  return (
    <Card
      title={t("project_settings.rules.title")}
      loading={query.isLoading}
      extra={
        editable && (
          <Button type="primary" loading={preview.pending || update.pending} onClick={() => form.submit()} data-testid="rules-save">
            {t("buttons.save")}
          </Button>
        )
      }
      data-testid="project-rules"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="rules-error" />}
      <Form form={form} layout="vertical" disabled={!editable} requiredMark={editable} onFinish={save}>
        <ProjectRuleFields />
      </Form>
    </Card>
  );
}
