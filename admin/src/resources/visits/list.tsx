import type { Tables } from "@so/shared/database.types";
import { CreateButton, List, useTable } from "@refinedev/antd";
import { Segmented, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerLink } from "../../components/customers/customer-link.tsx";
import { GradeTag } from "../../components/customers/customer-tags.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { TwoLines } from "../../components/two-lines.tsx";

type VisitRow = Pick<Tables<"visits">, "id" | "visited_at" | "is_first" | "party_size" | "shown" | "questions" | "intent" | "notes" | "customer_id"> & {
  customer: Pick<Tables<"customers">, "id" | "name" | "phone"> | null;
  consultant: Pick<Tables<"staff">, "name"> | null;
};

type Period = "today" | "week" | "all";
const SINCE: Record<Period, () => string | undefined> = {
  today: () => dayjs().startOf("day").toISOString(),
  week: () => dayjs().subtract(6, "day").startOf("day").toISOString(),
  all: () => undefined,
};

/** 来访登记: who came, first or return visit, what they saw and asked, who received them. */
export default function VisitList() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>("today");
  return (
    <List headerButtons={<CreateButton>{t("visits.actions.create")}</CreateButton>}>
      <Segmented<Period>
        value={period}
        onChange={setPeriod}
        options={(["today", "week", "all"] as const).map((p) => ({ value: p, label: t(`visits.periods.${p}`) }))}
        style={{ marginBottom: 16 }}
      />
      <VisitTable key={period} since={SINCE[period]()} />
    </List>
  );
}

function VisitTable({ since }: { since?: string }) {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps } = useTable<VisitRow>({
    resource: "visits",
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    filters: {
      permanent: [
        ...(since ? [{ field: "visited_at", operator: "gte" as const, value: since }] : []),
      ],
    },
    sorters: { initial: [{ field: "visited_at", order: "desc" }] },
    meta: {
      select:
        "id, visited_at, is_first, party_size, shown, questions, intent, notes, customer_id, " +
        "customer:customers(id, name, phone), consultant:staff!visits_consultant_id_fkey(name)",
    },
    queryOptions: { enabled: Boolean(project) },
  });
  return (
    <Table {...tableProps} rowKey="id" size="middle" data-testid="visits-table" locale={{ emptyText: t("visits.empty") }}>
      <Table.Column<VisitRow> dataIndex="visited_at" title={t("visits.fields.visited_at")} render={(at: string) => dayjs(at).format("MM-DD HH:mm")} />
      <Table.Column<VisitRow>
        key="customer"
        title={t("visits.fields.customer")}
        render={(_, v) =>
          v.customer ? (
            <TwoLines main={<CustomerLink id={v.customer.id}>{v.customer.name}</CustomerLink>} sub={v.customer.phone} />
          ) : (
            <Typography.Text type="secondary">{t("visits.hiddenCustomer")}</Typography.Text>
          )
        }
      />
      <Table.Column<VisitRow>
        dataIndex="is_first"
        title={t("visits.fields.is_first")}
        render={(first: boolean) => (first ? <Tag color="green">{t("visits.first")}</Tag> : <Tag>{t("visits.return")}</Tag>)}
      />
      <Table.Column<VisitRow> dataIndex="party_size" title={t("visits.fields.party_size")} />
      <Table.Column<VisitRow> key="consultant" title={t("visits.fields.consultant")} render={(_, v) => v.consultant?.name ?? "—"} />
      <Table.Column<VisitRow> dataIndex="shown" title={t("visits.fields.shown")} render={(s) => s ?? "—"} />
      <Table.Column<VisitRow> dataIndex="questions" title={t("visits.fields.questions")} render={(s) => s ?? "—"} />
      <Table.Column<VisitRow> dataIndex="intent" title={t("visits.fields.intent")} render={(g) => (g ? <GradeTag grade={g} /> : "—")} />
      <Table.Column<VisitRow> dataIndex="notes" title={t("visits.fields.notes")} render={(s) => s ?? "—"} />
    </Table>
  );
}
