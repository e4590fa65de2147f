import { useList } from "@refinedev/core";
import type { Database } from "@so/shared/database.types";
import { Alert, App, Button } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MANAGER_ROLES } from "../../session/roles.ts";
import { SubmittedAlert } from "./submitted-alert.tsx";

type Submission = Database["public"]["Tables"]["monthly_report_submissions"]["Row"];

/**
 * 上报记录: who submitted this month's analysis report and when (逾期 after the 5th of the next
 * month); a manager submits a month that has ended and was not submitted yet (submit_monthly_report).
 */
export function MonthlySubmission({ month }: { month: Dayjs }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, roles } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  const submit = useProjectRpc("submit_monthly_report");
  const { result } = useList<Submission>({
    resource: "monthly_report_submissions",
    filters: [
      { field: "project_id", operator: "eq", value: project?.projectId },
      { field: "month", operator: "eq", value: month.format("YYYY-MM-DD") },
    ],
    pagination: { mode: "off" },
    queryOptions: { enabled: Boolean(project) },
  });
  const done = result?.data?.[0];
  const manager = roles.some((r) => MANAGER_ROLES.includes(r));
  if (done) {
    return (
      <SubmittedAlert
        late={done.late}
        testId="monthly-submission"
        text={t("monthly_report.submission.done", { name: nameOf(done.submitted_by), at: dayjs(done.submitted_at).format("YYYY-MM-DD HH:mm") })}
        lateText={t("monthly_report.submission.late")}
      />
    );
  }
  if (!manager || !month.isBefore(dayjs(), "month")) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="no-print"
      data-testid="monthly-submission"
      message={t("monthly_report.submission.waiting", { due: month.add(1, "month").date(5).format(t("reports.formats.date")) })}
      description={submit.error?.message}
      action={
        <Button
          size="small"
          type="primary"
          loading={submit.pending}
          data-testid="submit-monthly"
          onClick={() =>
            submit
              .call({ p_month: month.format("YYYY-MM-DD") })
              .then(() => message.success(t("monthly_report.submission.saved")))
              .catch(() => undefined)
          }
        >
          {t("monthly_report.submission.submit")}
        </Button>
      }
    />
  );
}
