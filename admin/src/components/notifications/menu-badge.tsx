import { createElement, type ComponentType, type CSSProperties } from "react";
import { preloadable } from "../../routing/preloadable.ts";
import type { CountBadgeProps } from "./count-badge.tsx";

// The badge (antd's Badge, the counts' query) loads with the signed-in shell (app-shell.ts); the
// resource list that names these icons is in the entry chunk. Until it is there: the plain icon.
export const CountBadge = preloadable(
  () => import("./count-badge.tsx"),
  ({ icon, className, style }: CountBadgeProps) => <span className={className} style={style}>{createElement(icon)}</span>,
);

/**
 * A menu icon with the count of waiting work on it (审批中心: steps waiting for me, 待追访:
 * follow-ups due): `withCountBadge(Icon, "approvals")` is used as the resource's icon.
 */
export function withCountBadge(icon: ComponentType, count: CountBadgeProps["count"]): ComponentType {
  // The menu gives its icon a class (its size and the gap to the label): keep it on the badge.
  function CountBadgeIcon({ className, style }: { className?: string; style?: CSSProperties }) {
    return <CountBadge icon={icon} count={count} className={className} style={style} />;
  }
  return CountBadgeIcon;
}
