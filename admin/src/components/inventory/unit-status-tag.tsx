import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { STATUS_COLORS, type UnitStatus } from "./unit-status.ts";

/** A unit's status as a tag in the board's colour: 可售, 预留, 已认购, 已签约, 不可售. */
export function UnitStatusTag({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  const { background, border } = STATUS_COLORS[status];
  return (
    <Tag style={{ background, borderColor: border, color: "#1f1f1f" }} data-testid="unit-status-tag">
      {t(`inventory.status.${status}`)}
    </Tag>
  );
}
