import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportStatus } from "./types.ts";

const COLORS: Record<ReportStatus, string> = {
  valid: "success",
  pending: "warning",
  visited: "processing",
  invalid: "error",
  expired: "default",
};

/** 有效 / 待判定 / 已带看 / 无效 / 已失效. */
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="report-status">
      {t(`report_board.statuses.${status}`)}
    </Tag>
  );
}
