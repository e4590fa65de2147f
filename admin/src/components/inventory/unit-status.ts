import { UNIT_STATUSES, type UnitStatus } from "@so/shared/enums";

/** Unit statuses (public.unit_status) in board order, and the colours of the 销控表. */
export { UNIT_STATUSES, type UnitStatus };

/**
 * One colour per status, as on a sales-office wall: 可售 green, 预留 yellow, 已认购 orange,
 * 已签约 red, 不可售 grey. Light enough for dark text, distinct when printed.
 */
export const STATUS_COLORS: Record<UnitStatus, { background: string; border: string }> = {
  available: { background: "#b7eb8f", border: "#73d13d" },
  held: { background: "#fff1b8", border: "#fadb14" },
  subscribed: { background: "#ffc069", border: "#fa8c16" },
  signed: { background: "#ff9c9c", border: "#f5222d" },
  withheld: { background: "#d9d9d9", border: "#8c8c8c" },
};

/** Sold for the 去化率: subscribed or signed. */
export const SOLD_STATUSES: readonly UnitStatus[] = ["subscribed", "signed"];

export const isUnitStatus = (value: unknown): value is UnitStatus => UNIT_STATUSES.includes(value as UnitStatus);
