import type { Tables } from "@so/shared/database.types";
import { CreateButton, EditButton, List, useTable } from "@refinedev/antd";
import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CommissionRule } from "../../components/channel/commission-rule.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { Cooperation } from "./types.ts";

type CooperationRow = Cooperation & { in_force: boolean; agencies: Pick<Tables<"agencies">, "name"> | null };

/** 合作协议 of the current project: agency, commission rule, protection, validity, in force today. */
export default function CooperationList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps } = useTable<CooperationRow>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "valid_from", order: "desc" }] },
    meta: { select: "*, in_force, agencies(name)" },
  });
  return (
    <List headerButtons={<CreateButton />}>
      <Table {...tableProps} rowKey="id" data-testid="cooperations-table">
        <Table.Column<CooperationRow> dataIndex={["agencies", "name"]} title={t("cooperations.fields.agency")} />
        <Table.Column<CooperationRow> title={t("cooperations.fields.rule")} render={(_, c) => <CommissionRule type={c.commission_type} value={c.commission_value} />} />
        <Table.Column<CooperationRow>
          dataIndex="protection_days"
          title={t("cooperations.fields.protection_days")}
          render={(v: number | null) => (v ? t("cooperations.days", { days: v }) : <Typography.Text type="secondary">{t("cooperations.projectDefault")}</Typography.Text>)}
        />
        <Table.Column<CooperationRow> dataIndex="valid_from" title={t("cooperations.fields.valid_from")} sorter />
        <Table.Column<CooperationRow> dataIndex="valid_to" title={t("cooperations.fields.valid_to")} render={(v) => v ?? t("cooperations.openEnded")} />
        <Table.Column<CooperationRow>
          dataIndex="in_force"
          title={t("cooperations.fields.in_force")}
          render={(v: boolean) => <Tag color={v ? "success" : "default"}>{t(v ? "cooperations.inForce" : "cooperations.notInForce")}</Tag>}
        />
        <Table.Column<CooperationRow> dataIndex="note" title={t("cooperations.fields.note")} render={(v) => v ?? "—"} />
        <Table.Column<CooperationRow> title={t("table.actions")} dataIndex="actions" render={(_, c) => <EditButton hideText size="small" recordItemId={c.id} />} />
      </Table>
    </List>
  );
}
