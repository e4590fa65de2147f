import { Badge } from "antd";
import { createElement, type ComponentType, type CSSProperties } from "react";
import { useMyCounts, type MyCounts } from "./use-my-counts.ts";

export interface CountBadgeProps {
  icon: ComponentType;
  count: keyof Pick<MyCounts, "approvals" | "follow_ups_due">;
  className?: string;
  style?: CSSProperties;
}

/** The menu icon with its count (menu-badge.tsx loads this with the menu, not in the entry). */
export default function CountBadge({ icon, count, className, style }: CountBadgeProps) {
  const n = useMyCounts()?.[count] ?? 0;
  return (
    <Badge count={n} size="small" offset={[4, -2]} className={className} style={style} data-testid={`menu-badge-${count}`} title={String(n)}>
      {createElement(icon)}
    </Badge>
  );
}
