import { STATUS_COLORS, UNIT_STATUSES } from "./unit-status.ts";

let injected = false;

/**
 * The cells' colours as one stylesheet made from STATUS_COLORS (`.so-cell[data-status=held]`),
 * so a thousand cells carry no inline styles and the palette stays defined in one place.
 */
export function ensureStatusStyles(): void {
  if (injected || typeof document === "undefined") return;
  injected = true;
  const style = document.createElement("style");
  style.dataset.so = "unit-status-colors";
  style.textContent = UNIT_STATUSES.map(
    (s) => `.so-cell[data-status="${s}"]{background:${STATUS_COLORS[s].background};border-color:${STATUS_COLORS[s].border}}`,
  ).join("\n");
  document.head.appendChild(style);
}
