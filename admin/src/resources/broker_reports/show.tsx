import { Show } from "@refinedev/antd";
import { useShow } from "@refinedev/core";
import { NoRecord } from "../../components/channel/no-record.tsx";
import { ReportDetails } from "../../components/channel/report-details.tsx";
import type { ReportRow } from "../../components/channel/types.ts";

/** 报备详情 (brokers): one of their own reports; anyone else's id shows nothing (the view is theirs only). */
export default function BrokerReportShow() {
  const { result: report, query } = useShow<ReportRow>();
  return (
    <Show isLoading={query.isLoading} canEdit={false} canDelete={false}>
      {report ? <ReportDetails report={report} audience="broker" /> : !query.isLoading && <NoRecord />}
    </Show>
  );
}
