import { DateField } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { Button, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ReportRuling } from "./report-ruling.tsx";
import type { ReportRow } from "./types.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";

/**
 * One report: who reported whom, when the visit is expected, the 判客 with its reason, the visit
 * and the protection it started. `broker` leaves out what the broker gave themself.
 */
export function ReportDetails({ report, audience }: { report: ReportRow; audience: "site" | "broker" }) {
  const { t } = useTranslation();
  const go = useGo();
  const canSeeCustomer = useAllowed("customers", "show");
  const date = (value: string | null, format = "YYYY-MM-DD HH:mm") => (value ? <DateField value={value} format={format} /> : "—");
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="report-details">
      <Descriptions.Item label={t("report_board.fields.customer_name")}>{report.customer_name}</Descriptions.Item>
      <Descriptions.Item label={t("report_board.fields.phone_input")}>{report.customer_phone ?? report.phone_input}</Descriptions.Item>
      {audience === "site" && (
        <>
          <Descriptions.Item label={t("report_board.fields.broker")}>{report.broker_name}</Descriptions.Item>
          <Descriptions.Item label={t("report_board.fields.agency")}>{report.agency_name}</Descriptions.Item>
        </>
      )}
      <Descriptions.Item label={t("report_board.fields.created_at")}>{date(report.created_at)}</Descriptions.Item>
      <Descriptions.Item label={t("report_board.fields.expected_visit_at")}>{date(report.expected_visit_at)}</Descriptions.Item>
      <Descriptions.Item label={t("report_board.fields.ruling")} span="filled">
        <ReportRuling status={report.status} reason={report.invalid_reason_text} />
      </Descriptions.Item>
      {(report.status === "valid" || report.status === "pending") && (
        <Descriptions.Item label={t("report_board.fields.lapses_at")} span="filled">
          {date(report.lapses_at)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t("report_board.fields.visited_at")}>
        {date(report.visited_at)}
        {audience === "site" && report.customer_id && canSeeCustomer && (
          <Button type="link" size="small" onClick={() => go({ to: { resource: "customers", action: "show", id: report.customer_id! } })}>
            {t("report_board.toCustomer")}
          </Button>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("report_board.fields.protected_until")}>
        {report.protected_until ? (
          <>
            {date(report.protected_until, "YYYY-MM-DD")}
            <Typography.Text type="secondary">
              {" "}
              {report.protection_active
                ? t("report_board.protectionDays", { days: report.protection_days ?? "" })
                : t("report_board.protectionOver")}
            </Typography.Text>
          </>
        ) : (
          "—"
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("report_board.fields.note")} span="filled">
        {report.note ?? "—"}
      </Descriptions.Item>
    </Descriptions>
  );
}
