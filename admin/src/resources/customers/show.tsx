import { Show } from "@refinedev/antd";
import { useOne } from "@refinedev/core";
import { Button, Card, Col, Result, Row, Space } from "antd";
import { EditOutlined, MessageOutlined, ShopOutlined, StopOutlined } from "@ant-design/icons";
import { useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { CustomerEditDrawer } from "../../components/customers/customer-edit-drawer.tsx";
import { CustomerTimeline } from "../../components/customers/customer-timeline.tsx";
import { MarkLostModal } from "../../components/customers/mark-lost-modal.tsx";
import type { CustomerRow } from "../../components/customers/types.ts";
import { FollowUpDrawer } from "../../components/reception/follow-up-drawer.tsx";
import { VisitDrawer } from "../../components/reception/visit-drawer.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MANAGER_ROLES } from "../../session/roles.ts";
import { ClaimButton } from "./claim-button.tsx";
import { CustomerProfile } from "./profile.tsx";

type Panel = "edit" | "lost" | "follow_up" | "visit" | null;

/**
 * 客户详情: the profile, the actions the caller may take on this customer (as
 * private.can_work_customer: the protected owner or a manager), and the timeline.
 */
export default function CustomerShow() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { identity, roles } = useCurrentProject();
  const [panel, setPanel] = useState<Panel>(null);
  const { result: customer, query } = useOne<CustomerRow>({ resource: "customer_list", id: id ?? "", queryOptions: { enabled: Boolean(id) } });

  const manager = roles.some((r) => MANAGER_ROLES.includes(r));
  const consultant = roles.includes("consultant");
  const mine = Boolean(customer && consultant && customer.owner_id === identity?.id && !customer.in_pool);
  const canWork = manager || mine;
  const canRecordVisit = manager || consultant;
  const canMarkLost = canWork && customer && !["subscribed", "signed", "lost"].includes(customer.status);

  const actions = customer && (
    <Space wrap>
      {consultant && customer.in_pool && <ClaimButton customerId={customer.id} name={customer.name} size="middle" />}
      {canWork && (
        <Button icon={<MessageOutlined />} type="primary" onClick={() => setPanel("follow_up")}>
          {t("customers.actions.logFollowUp")}
        </Button>
      )}
      {canRecordVisit && (
        <Button icon={<ShopOutlined />} onClick={() => setPanel("visit")}>
          {t("customers.actions.recordVisit")}
        </Button>
      )}
      {canWork && (
        <Button icon={<EditOutlined />} onClick={() => setPanel("edit")}>
          {t("customers.actions.edit")}
        </Button>
      )}
      {canMarkLost && (
        <Button icon={<StopOutlined />} danger onClick={() => setPanel("lost")}>
          {t("customers.actions.markLost")}
        </Button>
      )}
    </Space>
  );

  return (
    <Show isLoading={query.isLoading} title={customer?.name ?? t("customers.titles.show")} headerButtons={() => actions} canEdit={false} canDelete={false}>
      {query.error && <Result status="error" title={query.error.message} />}
      {query.isSuccess && !customer && <Result status="404" title={t("errors.notFound")} />}
      {customer && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={9}>
              <CustomerProfile customer={customer} canWork={canWork} canReveal={canWork || roles.includes("finance")} />
            </Col>
            <Col xs={24} lg={15}>
              <Card size="small" title={t("customers.sections.timeline")}>
                <CustomerTimeline customerId={customer.id} />
              </Card>
            </Col>
          </Row>
          <CustomerEditDrawer customer={customer} open={panel === "edit"} onClose={() => setPanel(null)} />
          <MarkLostModal customerId={customer.id} name={customer.name} open={panel === "lost"} onClose={() => setPanel(null)} />
          <FollowUpDrawer customer={panel === "follow_up" ? customer : null} onClose={() => setPanel(null)} />
          <VisitDrawer customer={panel === "visit" ? customer : null} onClose={() => setPanel(null)} />
        </>
      )}
    </Show>
  );
}
