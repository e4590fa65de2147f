import { BellOutlined } from "@ant-design/icons";
import { useGo, useInvalidate } from "@refinedev/core";
import { Badge, Button, Drawer, List, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { notificationLink, notificationText, type MyNotification } from "./notification-text.ts";
import { useMyCounts } from "./use-my-counts.ts";

/**
 * 通知中心: the bell in the header with the unread count, and a drawer with the signed-in
 * person's notifications of the current project — the same outbox the bot sends from, so it
 * works for people never bound to a chat app. Opening one marks it read and goes to its record.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const go = useGo();
  const invalidate = useInvalidate();
  const { project } = useCurrentProject();
  const [open, setOpen] = useState(false);
  const unread = useMyCounts()?.unread_notifications ?? 0;
  // With ids only those are marked; without, every one of the project in use.
  const { call: markRead, pending } = useProjectRpc("mark_notifications_read");
  const { result, query } = useProjectRpcQuery("my_notifications", { p_limit: 50 }, {
    queryOptions: { enabled: open, staleTime: 0 },
    errorNotification: false,
  });
  if (!project) return null;
  const items = query.isSuccess ? ((result.data as MyNotification[]) ?? []) : [];

  const openOne = async (n: MyNotification) => {
    if (!n.read_at) await markRead({ p_ids: [n.id] });
    const to = notificationLink(n);
    if (to) {
      setOpen(false);
      go({ to });
    }
  };

  return (
    <>
      <Badge count={unread} size="small" data-testid="bell-count" title={String(unread)}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t("notificationCentre.title")}
          data-testid="notification-bell"
          onClick={() => {
            setOpen(true);
            void invalidate({ invalidates: ["all"] });
          }}
        />
      </Badge>
      <Drawer
        title={t("notificationCentre.title")}
        open={open}
        onClose={() => setOpen(false)}
        width={420}
        data-testid="notification-drawer"
        extra={
          <Button size="small" disabled={unread === 0} loading={pending} data-testid="mark-all-read"
            onClick={() => void markRead({})}>
            {t("notificationCentre.markAllRead")}
          </Button>
        }
      >
        <List
          loading={query.isLoading}
          dataSource={items}
          locale={{ emptyText: t("notificationCentre.empty") }}
          renderItem={(n) => {
            const { title, detail } = notificationText(t, n);
            return (
              <List.Item
                data-testid="notification-item"
                data-kind={n.kind}
                data-read={n.read_at ? "true" : "false"}
                style={{ cursor: "pointer", opacity: n.read_at ? 0.6 : 1 }}
                onClick={() => void openOne(n)}
              >
                <Space direction="vertical" size={0} style={{ width: "100%" }}>
                  <Space>
                    {!n.read_at && <Badge status="processing" />}
                    <Typography.Text strong={!n.read_at}>{title}</Typography.Text>
                    {!n.read_at && <Tag color="blue">{t("notificationCentre.unread")}</Tag>}
                  </Space>
                  {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(n.created_at).format("YYYY-MM-DD HH:mm")}
                  </Typography.Text>
                </Space>
              </List.Item>
            );
          }}
        />
      </Drawer>
    </>
  );
}
