import type { ApproverRole } from "@so/shared/enums";

/** 审批权限矩阵 as edited: rows of "up to this depth (%) → this chain of approvers". */

export interface MatrixRow {
  /** Up to this depth in percent, as typed ("2", "5.5"); null = no upper limit (last row only). */
  max_depth_pct: string | null;
  chain: ApproverRole[];
}

/** A problem approval_matrix_problems() finds in the rows (the database's own check). */
export interface MatrixProblem {
  /** Row index, or -1 for the whole matrix. */
  index: number;
  field: "max_depth_pct" | "chain" | null;
  /** i18n key under project_settings.matrix.problems */
  key: string;
  /** zh-CN, as the database says it. */
  message: string;
}

/** The rows as the database takes them: an empty depth is no upper limit. */
export const rulesArg = (rows: readonly MatrixRow[]) =>
  rows.map((r) => ({ max_depth_pct: r.max_depth_pct === null || r.max_depth_pct === "" ? null : String(r.max_depth_pct), chain: r.chain }));

/** Rows as stored (approval_rules, depth a JSON number or null) → rows as edited, ascending. */
export function rowsFromRules(rules: readonly { max_depth_pct: number | string | null; chain: string[] }[]): MatrixRow[] {
  return [...rules]
    .sort((a, b) => (a.max_depth_pct === null ? 1 : b.max_depth_pct === null ? -1 : Number(a.max_depth_pct) - Number(b.max_depth_pct)))
    .map((r) => ({ max_depth_pct: r.max_depth_pct === null ? null : String(r.max_depth_pct), chain: r.chain as ApproverRole[] }));
}
