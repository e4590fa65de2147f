import { DateField, Show } from "@refinedev/antd";
import { useGo, useShow } from "@refinedev/core";
import { Button, Col, Descriptions, Row, Space } from "antd";
import { AuditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { NoRecord } from "../../components/channel/no-record.tsx";
import { TelegramCard } from "../../components/staff/telegram-card.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { RolesCard } from "./roles-card.tsx";
import { ActiveTag, ProbationTag } from "./status-tags.tsx";
import { STAFF_SELECT, type StaffMember } from "./types.ts";

/** 员工详情: profile and probation, roles per project (add/remove), Telegram binding, their audit trail. */
export default function StaffShow() {
  const { t } = useTranslation();
  const go = useGo();
  const { identity } = useCurrentProject();
  const { result: member, query } = useShow<StaffMember>({ meta: { select: STAFF_SELECT } });
  const refresh = () => void query.refetch();
  if (!member) return <Show isLoading={query.isLoading}>{!query.isLoading && <NoRecord />}</Show>;
  return (
    <Show
      isLoading={query.isLoading}
      title={member.name}
      headerButtons={({ defaultButtons }) => (
        <>
          <Button icon={<AuditOutlined />} onClick={() => go({ to: { resource: "audit_trail", action: "list" }, query: { table: "staff", record: member.id } })}>
            {t("staff.auditLink")}
          </Button>
          {defaultButtons}
        </>
      )}
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="staff-details">
          <Descriptions.Item label={t("staff.fields.name")}>{member.name}</Descriptions.Item>
          <Descriptions.Item label={t("staff.fields.email")}>{member.email}</Descriptions.Item>
          <Descriptions.Item label={t("staff.fields.phone")}>{member.phone ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("staff.fields.active")}>
            <ActiveTag active={member.active} />
          </Descriptions.Item>
          <Descriptions.Item label={t("staff.fields.hired_on")}>{member.hired_on ? <DateField value={member.hired_on} format="YYYY-MM-DD" /> : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("staff.fields.regularised_on")}>
            <Space size={4}>
              <ProbationTag onProbation={member.on_probation} />
              {member.regularised_on && <DateField value={member.regularised_on} format="YYYY-MM-DD" />}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <RolesCard member={member} onChange={refresh} />
          </Col>
          <Col xs={24} xl={10}>
            <TelegramCard staffId={member.id} telegramUserId={member.telegram_user_id} active={member.active} onChange={refresh} self={member.id === identity?.id} />
          </Col>
        </Row>
      </Space>
    </Show>
  );
}
