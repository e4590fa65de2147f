import { DateField } from "@refinedev/antd";
import { Button, Descriptions, Result } from "antd";
import { useTranslation } from "react-i18next";
import { ReportStatusTag } from "../../components/channel/report-status-tag.tsx";
import type { ReportRuling } from "../../components/channel/types.ts";

const RESULT_STATUS = { valid: "success", pending: "warning", invalid: "error", visited: "success", expired: "info" } as const;

/** The 判客 of the report just submitted, at once: 有效 / 待判定 / 无效 with the database's reason. */
export function RulingResult({
  customerName,
  ruling,
  onAnother,
  onList,
}: {
  customerName: string;
  ruling: ReportRuling;
  onAnother: () => void;
  onList: () => void;
}) {
  const { t } = useTranslation();
  const subTitle =
    ruling.status === "invalid" ? ruling.invalid_reason_text : t(ruling.status === "pending" ? "report_board.pendingHint" : "report_submit.validHint");
  return (
    <Result
      status={RESULT_STATUS[ruling.status]}
      title={
        <span data-testid="ruling-title">
          {t("report_submit.rulingTitle", { name: customerName })} <ReportStatusTag status={ruling.status} />
        </span>
      }
      subTitle={<span data-testid="ruling-reason">{subTitle}</span>}
      extra={[
        <Button type="primary" key="another" onClick={onAnother}>
          {t("report_submit.another")}
        </Button>,
        <Button key="list" onClick={onList}>
          {t("report_submit.toList")}
        </Button>,
      ]}
    >
      {ruling.status !== "invalid" && (
        <Descriptions size="small" column={1} style={{ maxWidth: 420, margin: "0 auto" }}>
          <Descriptions.Item label={t("report_board.fields.lapses_at")}>
            <DateField value={ruling.lapses_at} format="YYYY-MM-DD HH:mm" />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Result>
  );
}
