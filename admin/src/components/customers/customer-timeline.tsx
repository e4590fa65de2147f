import { useList } from "@refinedev/core";
import { Alert, Empty, Space, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { KIND_STYLE, TimelineBody } from "./timeline-event.tsx";
import { TIMELINE_KINDS, type TimelineKind, type TimelineRow } from "./types.ts";

/**
 * 客户时间线: visits, calls, follow-ups, reports, discount requests, subscriptions, contracts,
 * payments, collisions, complaints and the audit trail in one time-ordered list, newest first —
 * whatever the reader's role may read (the view runs under each table's RLS).
 */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState<Set<TimelineKind>>(new Set());
  const { result, query } = useList<TimelineRow>({
    resource: "customer_timeline",
    filters: [{ field: "customer_id", operator: "eq", value: customerId }],
    sorters: [{ field: "at", order: "desc" }],
    pagination: { mode: "off" },
  });
  const rows = result?.data ?? [];
  const present = useMemo(() => TIMELINE_KINDS.filter((k) => rows.some((r) => r.kind === k)), [rows]);
  const shown = rows.filter((r) => !hidden.has(r.kind));

  if (query.error) return <Alert type="error" showIcon message={query.error.message} />;
  if (!query.isLoading && rows.length === 0) return <Empty description={t("customers.timeline.empty")} />;

  const toggle = (kind: TimelineKind) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space size={[4, 8]} wrap>
        {present.map((kind) => {
          const { icon: Icon, color } = KIND_STYLE[kind];
          const count = rows.filter((r) => r.kind === kind).length;
          return (
            <Tag.CheckableTag key={kind} checked={!hidden.has(kind)} onChange={() => toggle(kind)}>
              <Icon /> {t(`customers.timeline.kinds.${kind}`)} {count}
            </Tag.CheckableTag>
          );
        })}
      </Space>
      <Timeline
        data-testid="customer-timeline"
        items={shown.map((row) => {
          const { icon: Icon, color } = KIND_STYLE[row.kind];
          return {
            key: row.id,
            dot: <Icon style={{ fontSize: 16, color }} />,
            children: (
              <div data-testid={`timeline-${row.kind}`}>
                <Space size={8} wrap>
                  <Typography.Text strong style={{ color }}>
                    {t(`customers.timeline.kinds.${row.kind}`)}
                  </Typography.Text>
                  <Typography.Text type="secondary">{dayjs(row.at).format("YYYY-MM-DD HH:mm")}</Typography.Text>
                  {row.actor_name && <Typography.Text type="secondary">{row.actor_name}</Typography.Text>}
                </Space>
                <TimelineBody row={row} t={t} />
              </div>
            ),
          };
        })}
      />
    </Space>
  );
}
