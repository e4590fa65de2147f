import { useGo } from "@refinedev/core";
import { Badge, Card, Col, List, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { wanText } from "../../components/money.tsx";
import { MyWork } from "../../components/notifications/my-work.tsx";
import type { TodoReceivable, TodoSigning } from "@so/shared/todo";
import type { DashboardSummary } from "../../components/reports/types.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";

/**
 * 今日待办 on the workbench (seed greentown-sales-office-manual: 检查当天是否要与客户签订协议或合同，
 * 检查当天应收款情况，做好催款工作): 当天签约 and 应收款, as dashboard_summary lists them — a
 * consultant's own deals, the project's for managers and finance.
 */
export function TodoCard({ todo }: { todo: NonNullable<DashboardSummary["todo"]> }) {
  const { t } = useTranslation();
  const go = useGo();
  const canSubscriptions = useAllowed("subscriptions", "list");
  const canReceivables = useAllowed("receivables", "list");
  const signingState = (s: TodoSigning) =>
    s.what === "contract" ? (
      <Tag color="processing">{t("workbench.contractToSign")}</Tag>
    ) : s.days_past && s.days_past > 0 ? (
      <Tag color="error">{t("workbench.pastDeadline", { days: s.days_past })}</Tag>
    ) : (
      <Tag color="warning">{t("workbench.deadlineToday")}</Tag>
    );
  const receivableState = (r: TodoReceivable) =>
    r.overdue_days > 0 ? <Tag color="error">{t("workbench.overdue", { days: r.overdue_days })}</Tag> : <Tag color="warning">{t("workbench.dueToday")}</Tag>;
  const title = (text: string, count: number) => (
    <Space>
      {text}
      <Badge count={count} showZero color={count > 0 ? "#fa541c" : "#bfbfbf"} />
    </Space>
  );

  return (
    <Card size="small" title={t("workbench.title")} data-testid="workbench-todo">
      <MyWork />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            type="inner"
            title={title(t("workbench.signings"), todo.signings.length)}
            extra={canSubscriptions && <Typography.Link onClick={() => go({ to: "/subscriptions" })}>{t("workbench.open")}</Typography.Link>}
          >
            <List
              size="small"
              dataSource={todo.signings}
              locale={{ emptyText: t("workbench.noSignings") }}
              renderItem={(s) => (
                <List.Item data-testid="todo-signing" extra={signingState(s)}>
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{`${s.unit_label} · ${s.customer_name} · ${wanText(s.price)}`}</Typography.Text>
                    {s.consultant_name && <Typography.Text type="secondary">{t("workbench.consultant", { name: s.consultant_name })}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            type="inner"
            title={title(t("workbench.receivables"), todo.receivables.length)}
            extra={canReceivables && <Typography.Link onClick={() => go({ to: "/receivables" })}>{t("workbench.open")}</Typography.Link>}
          >
            <List
              size="small"
              dataSource={todo.receivables}
              locale={{ emptyText: t("workbench.noReceivables") }}
              renderItem={(r) => (
                <List.Item data-testid="todo-receivable" extra={receivableState(r)}>
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>
                      {`${r.unit_label} · ${r.customer_name} · ${t(`workbench.planKind.${r.kind}`)} ${wanText(r.outstanding)}`}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {[r.contract_no, r.consultant_name ? t("workbench.consultant", { name: r.consultant_name }) : null].filter(Boolean).join(" · ")}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
