/**
 * The RLS matrices the walker (../rls.test.ts) checks. Each matrix module calls defineMatrix();
 * the walker imports every matrix module once, so adding a matrix is one import line there.
 */

export type Visibility = "all" | "some" | "none";

/** Demo roles the walker signs in as (anon = no sign-in). */
export const ROLE_ACCOUNTS = {
  anon: null,
  admin: "admin",
  gm: "gm",
  vp: "vp",
  marketing_director: "director",
  sales_manager: "manager",
  consultant: "consultant1",
  finance: "finance",
  channel_manager: "channel",
  broker: "broker1",
} as const;
export type MatrixRole = keyof typeof ROLE_ACCOUNTS;

export interface MatrixRow {
  table: string;
  role: MatrixRole;
  select: Visibility;
  insert: boolean;
  update: boolean;
  delete: boolean;
}

/**
 * How the walker probes one table.
 *  scope   which rows "all / some / none" is measured against:
 *          { column, value } — rows where column = value (e.g. project_id = the demo project), or
 *          { ids: sql }      — the ids an SQL query returns (for tables without a project column)
 *  sample  a row that would be valid if the role were allowed to insert it (unique each call);
 *          the walker proves it valid as superuser before relying on a refusal
 *  update  a column to write back with its own value (a no-op that still needs the permission)
 *  key     the columns that identify a row (default ["id"])
 */
export interface TableProbe {
  scope: { column: string; value: string } | { ids: string };
  sample: () => Record<string, unknown>;
  update: string;
  key?: string[];
}

export interface RlsMatrix {
  name: string;
  rows: MatrixRow[];
  tables: Record<string, TableProbe>;
  /** SQL run once (as superuser) before walking, so every table has rows each role should and should not see. */
  arrange?: string[];
}

export const matrices: RlsMatrix[] = [];

export function defineMatrix(matrix: RlsMatrix): RlsMatrix {
  matrices.push(matrix);
  return matrix;
}

/**
 * Parse a readable grid: a header line of roles, then one line per table with one cell per role:
 *   <select>[+<writes>]   select ∈ all|some|none, writes ⊆ "iud" (insert, update, delete)
 * e.g. "all+iu" = sees every row, may insert and update, may not delete.
 */
export function parseGrid(grid: string): MatrixRow[] {
  const lines = grid.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const roles = lines[0].split(/\s+/).slice(1) as MatrixRole[];
  for (const role of roles) if (!(role in ROLE_ACCOUNTS)) throw new Error(`unknown role in grid: ${role}`);
  return lines.slice(1).flatMap((line) => {
    const [table, ...cells] = line.split(/\s+/);
    if (cells.length !== roles.length) throw new Error(`grid line for ${table} has ${cells.length} cells, expected ${roles.length}`);
    return cells.map((cell, i) => {
      const m = /^(all|some|none)(?:\+([iud]+))?$/.exec(cell);
      if (!m) throw new Error(`bad cell "${cell}" for ${table}`);
      const writes = m[2] ?? "";
      return { table, role: roles[i], select: m[1] as Visibility, insert: writes.includes("i"), update: writes.includes("u"), delete: writes.includes("d") };
    });
  });
}
