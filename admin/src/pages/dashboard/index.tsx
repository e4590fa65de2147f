import { LockOutlined, ProjectOutlined } from "@ant-design/icons";
import { useGo } from "@refinedev/core";
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { RoleTags } from "../../components/role-tags.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { BrokerShortcuts } from "./broker-shortcuts.tsx";
import { SalesOverview } from "./sales-overview.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";

/**
 * 工作台: who you are; the current project's numbers for today and this month, its funnel and stock
 * left (as your role may see them); your roles and duties; your projects.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const go = useGo();
  const { identity, project, projects, roles, setProject } = useCurrentProject();
  const canListProjects = useAllowed("projects", "list");
  if (!identity) return null;

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="welcome">
          {t("pages.dashboard.welcome", { name: identity.name })}
        </Typography.Title>
        <Typography.Text type="secondary">{t("pages.dashboard.today", { date: dayjs().format(t("pages.dashboard.dateFormat")) })}</Typography.Text>
      </div>

      {!project && <Alert type="info" showIcon message={t("pages.dashboard.noProjects")} />}

      {project && roles.includes("broker") && <BrokerShortcuts />}

      {project && roles.some((role) => role !== "broker") && <SalesOverview key={project.projectId} />}

      {project && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card title={t("pages.dashboard.currentProject")}>
              <Descriptions column={1} size="small" data-testid="current-project-card">
                <Descriptions.Item label={t("projects.fields.name")}>{project.projectName}</Descriptions.Item>
                <Descriptions.Item label={t("projects.fields.code")}>{project.projectCode}</Descriptions.Item>
                <Descriptions.Item label={t("pages.dashboard.yourRoles")}>
                  <RoleTags roles={roles} />
                </Descriptions.Item>
                <Descriptions.Item label={t("pages.dashboard.duties")}>
                  <Space direction="vertical" size={2}>
                    {roles.map((role) => (
                      <Typography.Text key={role}>{t("pages.dashboard.duty", { role: t(`roles.${role}`), duty: t(`roleDuties.${role}`) })}</Typography.Text>
                    ))}
                  </Space>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t("pages.dashboard.shortcuts")}>
              <Space wrap>
                {canListProjects && (
                  <Button icon={<ProjectOutlined />} onClick={() => go({ to: "/projects" })}>
                    {t("pages.dashboard.viewProjects")}
                  </Button>
                )}
                <Button icon={<LockOutlined />} onClick={() => go({ to: "/account/password" })}>
                  {t("pages.dashboard.changePassword")}
                </Button>
              </Space>
            </Card>
          </Col>
        </Row>
      )}

      {projects.length > 0 && (
        <Card title={t("pages.dashboard.yourProjects")}>
          <List
            dataSource={projects}
            renderItem={(membership) => (
              <List.Item
                actions={
                  membership.projectId === project?.projectId
                    ? [<Tag key="current" color="processing">{t("header.currentProject")}</Tag>]
                    : [
                        <Button key="switch" type="link" onClick={() => setProject(membership.projectId)}>
                          {t("header.switchProject")}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={t("header.projectLabel", { name: membership.projectName, code: membership.projectCode })}
                  description={<RoleTags roles={membership.roles} />}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
