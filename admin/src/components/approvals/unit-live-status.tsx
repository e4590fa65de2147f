import { useOne } from "@refinedev/core";
import { Alert, Card, Descriptions, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { Database } from "@so/shared/database.types";

type BoardRow = Pick<Database["public"]["Views"]["unit_board"]["Row"], "status" | "held_by_name" | "held_for" | "hold_expires_at"> & { id: string };
type UnitRow = Pick<Database["public"]["Tables"]["units"]["Row"], "id" | "hold_approval_id">;

const COLORS: Record<string, string> = { available: "green", held: "gold", subscribed: "blue", signed: "purple", withheld: "default" };

/**
 * 房源实时状态 on a discount request: what the unit is now (held by whom, for whom, until when),
 * and whether the hold is kept for this very approval — read from the board, refreshed on an
 * interval, so the approver never prices a unit a colleague has taken meanwhile.
 */
export function UnitLiveStatus({
  unitId,
  customerId,
  approvalId,
  used,
  refreshMs,
}: {
  unitId: string;
  customerId: string;
  approvalId: string;
  used: boolean;
  refreshMs: number;
}) {
  const { t } = useTranslation();
  const board = useOne<BoardRow>({
    resource: "unit_board",
    id: unitId,
    meta: { select: "id, status, held_by_name, held_for, hold_expires_at" },
    queryOptions: { refetchInterval: refreshMs },
  }).result;
  const unit = useOne<UnitRow>({
    resource: "units",
    id: unitId,
    meta: { select: "id, hold_approval_id" },
    queryOptions: { refetchInterval: refreshMs },
  }).result;
  if (!board) return null;
  const status = board.status ?? "available";
  const forThisCustomer = board.held_for === customerId;
  const kept = status === "held" && unit?.hold_approval_id === approvalId;

  return (
    <Card title={t("unit_live.title")} size="small" data-testid="unit-live-status" extra={<Typography.Text type="secondary">{t("unit_live.refreshed", { seconds: Math.round(refreshMs / 1000) })}</Typography.Text>}>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t("unit_live.status")}>
            <Tag color={COLORS[status]} data-testid="unit-live-tag">
              {t(`inventory.status.${status}`)}
            </Tag>
          </Descriptions.Item>
          {status === "held" && (
            <>
              <Descriptions.Item label={t("unit_live.holder")}>{board.held_by_name}</Descriptions.Item>
              <Descriptions.Item label={t("unit_live.heldFor")}>{t(forThisCustomer ? "unit_live.thisCustomer" : "unit_live.otherCustomer")}</Descriptions.Item>
              <Descriptions.Item label={t("unit_live.until")}>{board.hold_expires_at ? dayjs(board.hold_expires_at).format("MM-DD HH:mm") : "—"}</Descriptions.Item>
            </>
          )}
        </Descriptions>
        {used ? (
          <Alert type="success" showIcon message={t("unit_live.usedHere")} />
        ) : kept ? (
          <Alert type="info" showIcon message={t("unit_live.keptForThis")} />
        ) : status === "held" && !forThisCustomer ? (
          <Alert type="warning" showIcon message={t("unit_live.heldNotKept")} />
        ) : status === "available" ? (
          <Alert type="warning" showIcon message={t("unit_live.freeNow")} />
        ) : status === "subscribed" || status === "signed" || status === "withheld" ? (
          <Alert type="error" showIcon message={t("unit_live.sold", { status: t(`inventory.status.${status}`) })} />
        ) : null}
      </Space>
    </Card>
  );
}
