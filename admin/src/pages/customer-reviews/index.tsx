import type { Database } from "@so/shared/database.types";
import { Button, Card, DatePicker, Space, Statistic, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerCell } from "../../components/customers/customer-cell.tsx";
import { GradeTag } from "../../components/customers/customer-tags.tsx";
import { rowsOf } from "../../hooks/rows-of.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ReviewDrawer } from "./review-drawer.tsx";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";

export type QueueRow = Database["public"]["Functions"]["customer_review_queue"]["Returns"][number];

const REASON_COLORS: Record<string, string> = { visited: "blue", deadline: "red", reviewed: "default" };

/**
 * 客户分析会 (managers): the day's customers — received today, or whose 追访时限 has come with no
 * follow-up — with what the consultant reported; the manager judges each one (review_customer).
 * Earlier days are read-only: a review is always the day's.
 */
export default function CustomerReviewsPage() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [day, setDay] = useState<Dayjs>(dayjs());
  const [open, setOpen] = useState<QueueRow | null>(null);
  const isToday = day.isSame(dayjs(), "day");
  const { result, query } = useProjectRpcQuery("customer_review_queue", { p_day: day.format("YYYY-MM-DD") }, { errorNotification: false });
  const rows = rowsOf<QueueRow>(result.data);
  const waiting = rows.filter((r) => !r.reviewed).length;

  if (!project) return null;
  return (
    <Card
      title={t("customer_reviews.titles.list")}
      extra={
        <DatePicker
          value={day}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), "day")}
          onChange={(d) => d && setDay(d)}
          data-testid="review-day"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t("customer_reviews.help")}</Typography.Paragraph>
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t("customer_reviews.waiting")} value={waiting} data-testid="reviews-waiting" />
        <Statistic title={t("customer_reviews.done")} value={rows.length - waiting} />
      </Space>
      <Table<QueueRow>
        rowKey="customer_id"
        size="middle"
        loading={query.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="review-queue"
        locale={{ emptyText: t("customer_reviews.empty") }}
      >
        <Table.Column<QueueRow>
          title={t("customer_reviews.fields.customer")}
          render={(_, r) => <CustomerCell row={r} />}
        />
        <Table.Column<QueueRow> dataIndex="consultant_name" title={t("customer_reviews.fields.consultant")} render={(n) => n ?? "—"} />
        <Table.Column<QueueRow>
          dataIndex="reason"
          title={t("customer_reviews.fields.reason")}
          render={(reason: string, r) => (
            <Tag color={REASON_COLORS[reason]}>
              {reason === "visited" ? t("customer_reviews.reasons.visited", { count: r.visits_today }) : t(`customer_reviews.reasons.${reason}`)}
            </Tag>
          )}
        />
        <Table.Column<QueueRow> dataIndex="grade" title={t("customer_reviews.fields.grade")} render={(g) => <GradeTag grade={g} />} />
        <Table.Column<QueueRow>
          title={t("customer_reviews.fields.report")}
          render={(_, r) => (
            <Space direction="vertical" size={0} style={{ maxWidth: 320 }}>
              {r.last_visit_notes && <span>{t("customer_reviews.lastVisit", { notes: r.last_visit_notes })}</span>}
              {r.last_follow_up && (
                <Typography.Text type="secondary">
                  {t("customer_reviews.lastFollowUp", { at: dayjs(r.last_follow_up_at).format("MM-DD"), content: r.last_follow_up })}
                </Typography.Text>
              )}
              {r.last_objections && <Typography.Text type="warning">{t("customer_reviews.objections", { text: r.last_objections })}</Typography.Text>}
            </Space>
          )}
        />
        <Table.Column<QueueRow>
          title={t("customer_reviews.fields.previous")}
          render={(_, r) =>
            r.previous_review_date ? (
              <Space direction="vertical" size={0} style={{ maxWidth: 240 }}>
                <span>{t("customer_reviews.previous", { date: r.previous_review_date, deadline: r.previous_next_contact_by ?? "—" })}</span>
                {r.previous_advice && <Typography.Text type="secondary">{r.previous_advice}</Typography.Text>}
              </Space>
            ) : (
              "—"
            )
          }
        />
        <Table.Column<QueueRow>
          title={t("customer_reviews.fields.action")}
          fixed="right"
          render={(_, r) => (
            <Button
              type={r.reviewed ? "default" : "primary"}
              size="small"
              disabled={!isToday}
              onClick={() => setOpen(r)}
              data-testid={`review-${r.customer_id}`}
            >
              {r.reviewed ? t("customer_reviews.edit") : t("customer_reviews.review")}
            </Button>
          )}
        />
      </Table>
      {open && <ReviewDrawer row={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
