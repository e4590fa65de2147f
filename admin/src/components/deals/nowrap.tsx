import type { ReactNode } from "react";

/** A table cell that must not break (names, unit labels, dates). */
export const nowrap = (value: ReactNode) => <span style={{ whiteSpace: "nowrap" }}>{value}</span>;
