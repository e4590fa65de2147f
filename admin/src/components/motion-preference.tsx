import { Provider as MotionProvider } from "rc-motion";
import { useSyncExternalStore, type ReactNode } from "react";

const REDUCE = "(prefers-reduced-motion: reduce)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(REDUCE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the system asks for less motion (an accessibility setting; it may change while the page is open). */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(REDUCE).matches, () => false);
}

/**
 * For people whose system asks for less motion, dialogs, drawers, dropdowns and messages appear and
 * go at once instead of zooming and sliding. antd's own switch for this is a theme token, which would
 * no longer match the styles baked at build time (every style made again at run time), so the motion
 * library its components share is told directly.
 */
export function MotionPreference({ reduced, children }: { reduced: boolean; children: ReactNode }) {
  return <MotionProvider motion={!reduced}>{children}</MotionProvider>;
}
