import { useTranslation } from "react-i18next";
import { Money, pctText } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import { Section, SectionTable } from "./section.tsx";

type ChannelRow = NonNullable<MonthlyReport["channels"]>[number];

/** 渠道业绩: per agency — reports, valid, 带看, the deals they brought, contracts, commission. */
export function ChannelsSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  if (!report.channels) return null;
  const f = (k: string) => t(`monthly_report.fields.${k}`);
  return (
    <Section title={t("monthly_report.sections.channels")} testId="section-channels">
      <SectionTable<ChannelRow>
        rows={report.channels}
        rowKey={(r) => r.agency_id}
        columns={[
          { key: "agency", title: f("agency"), dataIndex: "agency_name" },
          { key: "reports", title: f("reports"), dataIndex: "reports", align: "right" },
          { key: "valid", title: f("validReports"), dataIndex: "valid_reports", align: "right" },
          { key: "validPct", title: f("validPct"), align: "right", render: (_, r) => pctText(r.valid_pct) },
          { key: "visits", title: f("channelVisits"), dataIndex: "visits", align: "right" },
          { key: "subs", title: t("reports.figures.subscriptions"), dataIndex: "subscriptions", align: "right" },
          { key: "subAmount", title: t("reports.figures.subscription_amount"), align: "right", render: (_, r) => <Money value={r.subscription_amount} /> },
          { key: "contracts", title: t("reports.figures.contracts"), dataIndex: "contracts", align: "right" },
          { key: "contractAmount", title: t("reports.figures.contract_amount"), align: "right", render: (_, r) => <Money value={r.contract_amount} /> },
          { key: "commission", title: f("commission"), align: "right", render: (_, r) => <Money value={r.commission} /> },
        ]}
      />
    </Section>
  );
}
