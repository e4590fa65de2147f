import { useGo } from "@refinedev/core";
import { Badge, Button, Card, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MANAGER_ROLES } from "../../session/roles.ts";
import { useMyCounts, type MyCounts } from "./use-my-counts.ts";

type Item = { key: keyof MyCounts; to: string; show: boolean };

/**
 * The person's own waiting work on the workbench's 今日待办, from the same my_counts as the menu
 * badges: approvals waiting for me (incl. as delegate), decisions on my requests not yet read,
 * follow-ups due or overdue, 报备 for the 渠道经理 to rule. An item shows for the roles it
 * belongs to, and for anyone who has such work (a delegate's approvals). `card`: in a card of
 * its own, for roles whose workbench has no 今日待办.
 */
export function MyWork({ card = false }: { card?: boolean }) {
  const { t } = useTranslation();
  const go = useGo();
  const { roles } = useCurrentProject();
  const counts = useMyCounts();
  if (!counts) return null;
  const has = (...r: string[]) => roles.some((x) => r.includes(x));
  const items: Item[] = [
    { key: "approvals", to: "/approvals?tab=inbox", show: has(...MANAGER_ROLES) },
    { key: "decisions_unread", to: "/approvals?tab=requests", show: has("consultant", ...MANAGER_ROLES) },
    { key: "follow_ups_due", to: "/follow_ups_due", show: has("consultant") },
    { key: "reports_to_confirm", to: "/report_board", show: has("channel_manager") },
  ];
  const shown = items.filter((i) => i.show || Number(counts[i.key]) > 0);
  if (!shown.length) return null;
  const list = (
    <Space wrap size="middle" data-testid="my-work" style={card ? undefined : { marginBottom: 16 }}>
      {shown.map((i) => {
        const n = Number(counts[i.key]);
        return (
          <Button key={i.key} data-testid={`todo-${i.key}`} data-count={n} onClick={() => go({ to: i.to })}>
            <Space size={6}>
              {t(`notificationCentre.todo.${i.key}`)}
              <Badge count={n} showZero color={n > 0 ? "#fa541c" : "#bfbfbf"} />
            </Space>
          </Button>
        );
      })}
    </Space>
  );
  // Roles without sales figures (渠道经理, 行政…) have no 今日待办 card: their own, small one.
  return card ? (
    <Card size="small" title={t("workbench.title")} data-testid="workbench-my-work">
      {list}
    </Card>
  ) : (
    list
  );
}
