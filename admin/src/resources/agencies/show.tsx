import type { Cooperation } from "../cooperations/types.ts";
import type { Tables } from "@so/shared/database.types";
import { DateField, Show } from "@refinedev/antd";
import { useList, useShow } from "@refinedev/core";
import { Card, Col, Descriptions, Row, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { CommissionRule } from "../../components/channel/commission-rule.tsx";
import { NoRecord } from "../../components/channel/no-record.tsx";
import type { CommissionType } from "../../components/channel/types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { StoresCard } from "./stores-card.tsx";
import type { Agency } from "./types.ts";

type CooperationRow = Pick<Cooperation, "id" | "commission_type" | "commission_value" | "protection_days" | "valid_from" | "valid_to"> & {
  in_force: boolean;
  projects: Pick<Tables<"projects">, "name"> | null;
};

type BrokerRow = Pick<Tables<"brokers">, "id" | "name" | "phone" | "active"> & { agency_stores: Pick<Tables<"agency_stores">, "name"> | null };

/** 中介公司详情: contact, stores, cooperations with the current project, brokers. */
export default function AgencyShow() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { result: agency, query } = useShow<Agency>();
  const id = agency?.id;
  const { result: cooperations } = useList<CooperationRow>({
    resource: "cooperations",
    pagination: { mode: "off" },
    filters: [
      { field: "agency_id", operator: "eq", value: id },
    ],
    sorters: [{ field: "valid_from", order: "desc" }],
    meta: { select: "id, commission_type, commission_value, protection_days, valid_from, valid_to, in_force, projects(name)" },
    queryOptions: { enabled: Boolean(id) },
  });
  const { result: brokers } = useList<BrokerRow>({
    resource: "brokers",
    pagination: { mode: "off" },
    filters: [{ field: "agency_id", operator: "eq", value: id }],
    sorters: [{ field: "name", order: "asc" }],
    meta: { select: "id, name, phone, active, agency_stores(name)" },
    queryOptions: { enabled: Boolean(id) },
  });

  if (!agency) return <Show isLoading={query.isLoading}>{!query.isLoading && <NoRecord />}</Show>;
  return (
    <Show isLoading={query.isLoading} title={agency.name}>
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("agencies.fields.name")}>{agency.name}</Descriptions.Item>
          <Descriptions.Item label={t("agencies.fields.active")}>
            <Tag color={agency.active ? "success" : "default"}>{t(agency.active ? "agencies.active" : "agencies.inactive")}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("agencies.fields.contact_name")}>{agency.contact_name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("agencies.fields.contact_phone")}>{agency.contact_phone ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("agencies.fields.created_at")}>
            <DateField value={agency.created_at} format="YYYY-MM-DD" />
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <StoresCard agencyId={agency.id} />
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t("agencies.cooperationsTitle", { project: project?.projectName ?? "" })} size="small">
              <Table<CooperationRow> dataSource={cooperations.data} rowKey="id" size="small" pagination={false} data-testid="agency-cooperations">
                <Table.Column<CooperationRow>
                  title={t("cooperations.fields.rule")}
                  render={(_, c) => <CommissionRule type={c.commission_type} value={c.commission_value} />}
                />
                <Table.Column<CooperationRow>
                  title={t("cooperations.fields.validity")}
                  render={(_, c) => `${c.valid_from} ~ ${c.valid_to ?? t("cooperations.openEnded")}`}
                />
                <Table.Column<CooperationRow>
                  dataIndex="in_force"
                  title={t("cooperations.fields.in_force")}
                  render={(v: boolean) => <Tag color={v ? "success" : "default"}>{t(v ? "cooperations.inForce" : "cooperations.notInForce")}</Tag>}
                />
              </Table>
            </Card>
          </Col>
        </Row>
        <Card title={t("agencies.brokersTitle")} size="small">
          <Table<BrokerRow> dataSource={brokers.data} rowKey="id" size="small" pagination={false} data-testid="agency-brokers">
            <Table.Column<BrokerRow> dataIndex="name" title={t("brokers.fields.name")} />
            <Table.Column<BrokerRow> dataIndex="phone" title={t("brokers.fields.phone")} render={(v) => v ?? "—"} />
            <Table.Column<BrokerRow> dataIndex={["agency_stores", "name"]} title={t("brokers.fields.store")} render={(v) => v ?? "—"} />
            <Table.Column<BrokerRow>
              dataIndex="active"
              title={t("brokers.fields.active")}
              render={(v: boolean) => <Tag color={v ? "success" : "default"}>{t(v ? "brokers.active" : "brokers.inactive")}</Tag>}
            />
          </Table>
        </Card>
      </Space>
    </Show>
  );
}
