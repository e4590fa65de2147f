import type { DescriptionsProps } from "antd";

/** Descriptions columns per breakpoint (antd falls back to 3 for any breakpoint left out). */
export const TWO_COLUMNS = { xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 } as const;
export const THREE_COLUMNS = { xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 3 } as const;

/** Labels never break in the middle of a word (房号, 申请理由). */
export const NOWRAP_LABELS: DescriptionsProps["styles"] = { label: { whiteSpace: "nowrap" } };
