import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ReportStatusTag } from "./report-status-tag.tsx";
import type { ReportStatus } from "./types.ts";

/** The 判客 result in one line: the status and, for an invalid report, the database's reason. */
export function ReportRuling({ status, reason }: { status: ReportStatus; reason: string | null }) {
  const { t } = useTranslation();
  const explanation = status === "invalid" ? reason : status === "pending" ? t("report_board.pendingHint") : null;
  return (
    <span>
      <ReportStatusTag status={status} />
      {explanation && (
        <Typography.Text type={status === "invalid" ? "danger" : "secondary"} style={{ fontSize: 12 }}>
          {explanation}
        </Typography.Text>
      )}
    </span>
  );
}
