import { useList } from "@refinedev/core";
import { Badge, Card, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MANAGER_ROLES } from "../../session/roles.ts";
import { DecisionsTab } from "./decisions-tab.tsx";
import { DelegationsTab } from "./delegations-tab.tsx";
import { InboxTab } from "./inbox-tab.tsx";
import { APPROVALS_REFRESH_MS } from "./refresh.ts";
import { RequestsTab } from "./requests-tab.tsx";

const TABS = ["inbox", "decided", "requests", "delegations"] as const;

/** 审批中心: what waits for me, what I decided, what I asked for, and who approves for whom. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const { project, identity, roles } = useCurrentProject();
  const [params, setParams] = useSearchParams();
  const { result: waiting } = useList({
    resource: "my_approval_inbox",
    pagination: { pageSize: 1 },
    meta: { select: "step_id" },
    queryOptions: { enabled: Boolean(project), refetchInterval: APPROVALS_REFRESH_MS },
  });
  // Approvers (and anyone with something waiting, e.g. a delegate) open on 待我审批; the others,
  // consultants and finance, on 我的申请 — their inbox would always be empty.
  const approver = roles.some((r) => r === "admin" || MANAGER_ROLES.includes(r)) || (waiting.total ?? 0) > 0;
  const tab = TABS.find((k) => k === params.get("tab")) ?? (approver ? "inbox" : "requests");
  if (!project || !identity) return null;

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("approvals.titles.list")}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: "inbox",
            label: (
              <Badge count={waiting.total ?? 0} size="small" offset={[8, -2]}>
                {t("approval_center.tabs.inbox")}
              </Badge>
            ),
            children: <InboxTab projectId={project.projectId} />,
          },
          { key: "decided", label: t("approval_center.tabs.decided"), children: <DecisionsTab projectId={project.projectId} /> },
          { key: "requests", label: t("approval_center.tabs.requests"), children: <RequestsTab projectId={project.projectId} /> },
          { key: "delegations", label: t("approval_center.tabs.delegations"), children: <DelegationsTab meId={identity.id} /> },
        ]}
      />
    </Card>
  );
}
