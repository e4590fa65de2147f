/** 审批权限矩阵 as edited: rows of "up to this depth (%) → this chain of approvers". */
export const APPROVER_ROLES = ["sales_manager", "marketing_director", "vp", "gm"] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

export interface MatrixRow {
  /** Up to this depth in percent, as typed ("2", "5.5"); null = no upper limit (last row only). */
  max_depth_pct: string | null;
  chain: ApproverRole[];
}

export interface MatrixProblem {
  /** Row index, or -1 for the whole matrix. */
  index: number;
  field: "max_depth_pct" | "chain" | null;
  /** i18n key under project_settings.matrix.problems */
  key: "empty" | "depthRequired" | "depthRange" | "ascending" | "chainEmpty" | "chainDuplicate" | "openNotLast";
}

const DEPTH = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * The checks set_approval_matrix makes, so the form can point at the row before saving:
 * at least one rule; depths in (0, 100] with ≤ 2 decimals, strictly ascending; only the last
 * rule may be open-ended; every chain non-empty, no role twice. The database checks again.
 */
export function matrixProblems(rows: readonly MatrixRow[]): MatrixProblem[] {
  if (!rows.length) return [{ index: -1, field: null, key: "empty" }];
  const problems: MatrixProblem[] = [];
  let previous: number | null = null;
  rows.forEach((row, index) => {
    const depth = row.max_depth_pct === null || row.max_depth_pct === "" ? null : String(row.max_depth_pct).trim();
    if (depth === null) {
      if (index < rows.length - 1) problems.push({ index, field: "max_depth_pct", key: "openNotLast" });
    } else if (!DEPTH.test(depth) || Number(depth) <= 0 || Number(depth) > 100) {
      problems.push({ index, field: "max_depth_pct", key: "depthRange" });
    } else {
      if (previous !== null && Number(depth) <= previous) problems.push({ index, field: "max_depth_pct", key: "ascending" });
      previous = Number(depth);
    }
    if (!row.chain?.length) problems.push({ index, field: "chain", key: "chainEmpty" });
    else if (new Set(row.chain).size !== row.chain.length) problems.push({ index, field: "chain", key: "chainDuplicate" });
  });
  return problems;
}

/** Rows as stored (approval_rules, depth a JSON number or null) → rows as edited, ascending. */
export function rowsFromRules(rules: readonly { max_depth_pct: number | string | null; chain: string[] }[]): MatrixRow[] {
  return [...rules]
    .sort((a, b) => (a.max_depth_pct === null ? 1 : b.max_depth_pct === null ? -1 : Number(a.max_depth_pct) - Number(b.max_depth_pct)))
    .map((r) => ({ max_depth_pct: r.max_depth_pct === null ? null : String(r.max_depth_pct), chain: r.chain as ApproverRole[] }));
}
