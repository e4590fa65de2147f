import { useList } from "@refinedev/core";
import type { Database } from "@so/shared/database.types";
import { Alert, App, Button, Card, Space, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { rowsOf } from "../../hooks/rows-of.ts";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { SubmittedAlert } from "../../components/reports/submitted-alert.tsx";
import { useRpcQuery } from "../../hooks/use-rpc-query.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MANAGER_ROLES } from "../../session/roles.ts";

type Signoff = Database["public"]["Functions"]["weekly_minutes_signoffs"]["Returns"][number];
type Submission = Database["public"]["Tables"]["weekly_minutes_submissions"]["Row"];

/**
 * 会签与提交: the attendees who signed and those who have not, a 会签 button for a signed-in
 * attendee who has not, and the submission (by/at, 逾期) or a 提交 button for a manager.
 */
export function SignOffCard({ minutesId }: { minutesId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, roles, identity } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  const sign = useRpc("sign_weekly_minutes");
  const submit = useRpc("submit_weekly_minutes");
  const { result } = useRpcQuery("weekly_minutes_signoffs", { p_minutes_id: minutesId }, { errorNotification: false });
  const { result: submissions } = useList<Submission>({
    resource: "weekly_minutes_submissions",
    filters: [{ field: "minutes_id", operator: "eq", value: minutesId }],
    pagination: { mode: "off" },
  });
  const people = rowsOf<Signoff>(result.data);
  const signed = people.filter((p) => p.signed_at);
  const pending = people.filter((p) => !p.signed_at);
  const maySign = pending.some((p) => p.staff_id === identity?.id);
  const done = submissions?.data?.[0];
  const manager = roles.some((r) => MANAGER_ROLES.includes(r));
  const s = (k: string, o?: Record<string, string>) => t(`weekly_minutes.signoff.${k}`, o);
  const run = (call: () => Promise<unknown>, saved: string) => call().then(() => message.success(s(saved))).catch(() => undefined);

  return (
    <Card size="small" title={s("title")} className="report-print-section" data-testid="minutes-signoff">
      <Space direction="vertical" style={{ width: "100%" }}>
        <div data-testid="signed">
          {s("signed")}：
          {signed.length ? signed.map((p) => <Tag color="success" key={p.staff_id}>{p.name} {dayjs(p.signed_at).format("MM-DD HH:mm")}</Tag>) : "—"}
        </div>
        <div data-testid="unsigned">
          {s("unsigned")}：{pending.length ? pending.map((p) => <Tag key={p.staff_id}>{p.name}</Tag>) : "—"}
        </div>
        {(sign.error || submit.error) && <Alert type="error" showIcon message={(sign.error ?? submit.error)?.message} />}
        <Space className="no-print">
          {maySign && (
            <Button type="primary" loading={sign.pending} data-testid="sign-minutes" onClick={() => run(() => sign.call({ p_minutes_id: minutesId }), "signedOk")}>
              {s("sign")}
            </Button>
          )}
          {!done && manager && (
            <Button loading={submit.pending} data-testid="submit-minutes" onClick={() => run(() => submit.call({ p_minutes_id: minutesId }), "submittedOk")}>
              {s("submit")}
            </Button>
          )}
        </Space>
        {done && (
          <SubmittedAlert
            late={done.late}
            testId="minutes-submission"
            text={s("submitted", { name: nameOf(done.submitted_by), at: dayjs(done.submitted_at).format("YYYY-MM-DD HH:mm"), due: done.due_on })}
            lateText={s("late")}
          />
        )}
      </Space>
    </Card>
  );
}
