import { Badge } from "antd";
import { createElement, type ComponentType, type CSSProperties } from "react";
import { useMyCounts, type MyCounts } from "./use-my-counts.ts";

/**
 * A menu icon with the count of waiting work on it (审批中心: steps waiting for me, 待追访:
 * follow-ups due): `withCountBadge(Icon, "approvals")` is used as the resource's icon.
 */
export function withCountBadge(icon: ComponentType, count: keyof Pick<MyCounts, "approvals" | "follow_ups_due">): ComponentType {
  // The menu gives its icon a class (its size and the gap to the label): keep it on the badge.
  function CountBadgeIcon({ className, style }: { className?: string; style?: CSSProperties }) {
    const n = useMyCounts()?.[count] ?? 0;
    return (
      <Badge count={n} size="small" offset={[4, -2]} className={className} style={style} data-testid={`menu-badge-${count}`} title={String(n)}>
        {createElement(icon)}
      </Badge>
    );
  }
  return CountBadgeIcon;
}
