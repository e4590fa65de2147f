import { useGo } from "@refinedev/core";
import type { Database } from "@so/shared/database.types";
import { Button, Card, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { QualificationResultTag } from "../../components/qualifications/result-tag.tsx";
import { rowsOf } from "../../hooks/rows-of.ts";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

type Row = Database["public"]["Functions"]["qualification_queue"]["Returns"][number];

/** 待资质审核 (finance, managers): active 认购 whose 购房资质审核 is not 符合 yet, oldest first. */
export default function PurchaseQualificationsPage() {
  const { t } = useTranslation();
  const go = useGo();
  const { project } = useCurrentProject();
  const { result, query } = useProjectRpcQuery("qualification_queue", {}, { errorNotification: false });
  const rows = rowsOf<Row>(result.data);
  if (!project) return null;
  return (
    <Card title={t("purchase_qualifications.titles.list")}>
      <Typography.Paragraph type="secondary">{t("purchase_qualifications.listHelp")}</Typography.Paragraph>
      <Table<Row>
        rowKey="subscription_id"
        size="middle"
        loading={query.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="qualification-queue"
        locale={{ emptyText: t("purchase_qualifications.empty") }}
      >
        <Table.Column<Row> dataIndex="unit_label" title={t("subscriptions.fields.unit")} />
        <Table.Column<Row> dataIndex="customer_name" title={t("subscriptions.fields.customer")} />
        <Table.Column<Row> dataIndex="consultant_name" title={t("subscriptions.fields.consultant")} />
        <Table.Column<Row> dataIndex="payment_method" title={t("subscriptions.fields.payment_method")} render={(m) => t(`deals.paymentMethods.${m}`)} />
        <Table.Column<Row> dataIndex="subscribed_at" title={t("subscriptions.fields.created_at")} render={(v) => dayjs(v).format("YYYY-MM-DD")} />
        <Table.Column<Row> dataIndex="contract_deadline" title={t("subscriptions.fields.contract_deadline")} />
        <Table.Column<Row> dataIndex="result" title={t("purchase_qualifications.fields.result")} render={(v) => <QualificationResultTag value={v} />} />
        <Table.Column<Row>
          dataIndex="missing"
          title={t("purchase_qualifications.fields.missing")}
          render={(m: string[]) => (m.length ? m.map((x) => t(`purchase_qualifications.missing.${x}`)).join("、") : "—")}
        />
        <Table.Column<Row>
          title={t("table.actions")}
          render={(_, r) => (
            <Button size="small" onClick={() => go({ to: `/subscriptions/show/${r.subscription_id}` })} data-testid="q-open">
              {t("purchase_qualifications.actions.open")}
            </Button>
          )}
        />
      </Table>
    </Card>
  );
}
