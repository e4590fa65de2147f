import { Divider, Drawer, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { UnitFacts } from "../../components/inventory/unit-facts.tsx";
import { UnitHistory } from "../../components/inventory/unit-history.tsx";
import { useUnitActions } from "../../components/inventory/use-unit-actions.ts";
import { UnitStatusTag } from "../../components/inventory/unit-status-tag.tsx";
import type { BoardUnit } from "../../components/inventory/use-sales-board.ts";
import { UnitActions, unitVersion } from "./unit-actions.tsx";

interface Props {
  unit: BoardUnit | undefined;
  buildingName: string;
  holdMinutes?: number;
  onClose: () => void;
  onChanged: () => void;
}

/** 房源详情 drawer of the board: facts, the actions the role allows, and the unit's history. */
export function UnitDrawer({ unit, buildingName, holdMinutes, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const readAudit = useUnitActions(unit?.id, unit && unitVersion(unit)).allowed.read_audit;
  return (
    <Drawer
      open={Boolean(unit)}
      onClose={onClose}
      width={460}
      destroyOnHidden
      title={
        unit && (
          <Space>
            <span data-testid="unit-drawer-title">
              {buildingName} {unit.number}
            </span>
            <UnitStatusTag status={unit.status} />
          </Space>
        )
      }
      data-testid="unit-drawer"
    >
      {unit && (
        <>
          <UnitFacts unit={unit} />
          <Divider orientation="left" orientationMargin={0}>
            {t("board.drawer.actions")}
          </Divider>
          {/* keyed by unit: an open form belongs to the unit it was opened for */}
          <UnitActions key={unit.id} unit={unit} holdMinutes={holdMinutes} onChanged={onChanged} />
          <Divider orientation="left" orientationMargin={0}>
            {readAudit ? t("board.drawer.history") : t("board.drawer.subscriptions")}
          </Divider>
          <UnitHistory unitId={unit.id} canReadAudit={readAudit} refreshKey={unit.updated_at} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {t("board.drawer.updatedAt", { at: dayjs(unit.updated_at).format("YYYY-MM-DD HH:mm:ss") })}
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
