import { Show } from "@refinedev/antd";
import { useShow } from "@refinedev/core";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmVisitModal } from "../../components/channel/confirm-visit-modal.tsx";
import { ReportDetails } from "../../components/channel/report-details.tsx";
import { NoRecord } from "../../components/channel/no-record.tsx";
import { CONFIRMABLE, type ReportRow } from "../../components/channel/types.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";

/** 报备详情: the report, its 判客 and protection; 带看确认 while it is valid or pending. */
export default function ReportBoardShow() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { result: report, query } = useShow<ReportRow>();
  const canConfirm = useAllowed("report_board", "edit");
  const confirmable = report && canConfirm && CONFIRMABLE.includes(report.status);
  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={({ defaultButtons }) => (
        <>
          {defaultButtons}
          {confirmable && (
            <Button type="primary" onClick={() => setConfirming(true)} data-testid="confirm-visit">
              {t("report_board.confirm.button")}
            </Button>
          )}
        </>
      )}
    >
      {report ? <ReportDetails report={report} audience="site" /> : !query.isLoading && <NoRecord />}
      {report && confirming && <ConfirmVisitModal report={report} open onClose={() => setConfirming(false)} />}
    </Show>
  );
}
