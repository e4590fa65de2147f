import { FullscreenOutlined, UserAddOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";
import { BigScreen } from "./big-screen.tsx";
import { BoardTable } from "./board-table.tsx";
import { CheckIn } from "./check-in.tsx";
import { NextWalkInModal, type Assignment } from "./next-walk-in.tsx";
import { REFRESH_SECONDS, useBoard } from "./use-board.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";

/**
 * 今日轮排: who is on duty and in what order; check in/out, busy (skipped, keeps the place), and
 * 下一位接待. `?screen=big` shows it full screen for the front desk.
 */
export default function ReceptionBoardPage() {
  const { t } = useTranslation();
  const { project, identity, roles } = useCurrentProject();
  const [params, setParams] = useSearchParams();
  const big = params.get("screen") === "big";
  const [nextOpen, setNextOpen] = useState(false);
  const [lastAssignment, setLastAssignment] = useState<Assignment | null>(null);
  const canAct = useAllowed("reception_board", "create");
  const canManage = useAllowed("reception_board", "edit");
  const { rows, next, query, updatedAt } = useBoard(project?.projectId ?? "");

  const setBig = useCallback(
    (on: boolean) => {
      setParams(on ? { screen: "big" } : {});
      if (on) document.documentElement.requestFullscreen?.().catch(() => undefined);
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    },
    [setParams],
  );

  if (!project) return null;
  const me = roles.includes("consultant") ? (identity?.id ?? null) : null;
  const onBoard = new Set(rows.map((r) => r.staff_id));
  const modal = (
    <NextWalkInModal open={nextOpen} onClose={() => setNextOpen(false)} onAssigned={setLastAssignment} />
  );

  if (big) {
    return (
      <>
        <BigScreen
          projectName={project.projectName}
          rows={rows}
          nextId={next?.staff_id ?? null}
          updatedAt={updatedAt}
          lastAssignment={lastAssignment}
          onNext={canAct ? () => setNextOpen(true) : undefined}
          onExit={() => setBig(false)}
        />
        {modal}
      </>
    );
  }

  return (
    <Card
      title={
        <Space direction="vertical" size={0} style={{ padding: "8px 0" }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("reception_board.titles.list")}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {dayjs().format(t("reception_board.big.dateFormat"))} ·{" "}
            {t("reception_board.refresh", { seconds: REFRESH_SECONDS, time: dayjs(updatedAt).format("HH:mm:ss") })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          {canAct && (
            <Button type="primary" size="large" icon={<UserAddOutlined />} onClick={() => setNextOpen(true)} data-testid="next-walk-in">
              {t("reception_board.actions.next")}
            </Button>
          )}
          <Button size="large" icon={<FullscreenOutlined />} onClick={() => setBig(true)} data-testid="big-screen-button">
            {t("reception_board.actions.bigScreen")}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {lastAssignment && (
          <Alert
            type="success"
            showIcon
            message={t("reception_board.big.last", {
              name: lastAssignment.staff_name,
              reason: t(`reception_board.reasons.${lastAssignment.reason}`, { owner: lastAssignment.owner_name ?? "" }),
            })}
            data-testid="last-assignment"
          />
        )}
        {query.error && <Alert type="error" showIcon message={query.error.message} />}
        {canAct && <CheckIn onBoard={onBoard} self={me} manager={Boolean(canManage)} />}
        <BoardTable rows={rows} nextId={next?.staff_id ?? null} me={me} manager={Boolean(canManage)} loading={query.isLoading} />
        <Typography.Text type="secondary">{t("reception_board.rules")}</Typography.Text>
      </Space>
      {modal}
    </Card>
  );
}
