import type { HttpError } from "@refinedev/core";
import { useState } from "react";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import type { PreviewRow, RowError } from "./preview-table.tsx";
import { readPriceListFile, type ReadResult, type SheetRow } from "./read-sheet.ts";

/** What import_price_list (and its dry run, preview_price_list) answers. */
export interface ImportAnswer {
  ok: boolean;
  rows: number;
  errors?: (RowError & { row: number })[];
  inserted?: number;
  updated?: number;
  unchanged?: number;
  price_changes?: number;
  /** Cuts held back for a price-change approval (调价审批). */
  held_for_approval?: number;
  price_change_request?: { id: string; approval_id: string; units: number } | null;
}

export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  priceChanges: number;
  heldForApproval: number;
  /** The approval of the price-change request the import opened (after applying). */
  priceChangeApprovalId: string | null;
}

export type ImportState =
  | { phase: "idle" }
  | { phase: "reading"; fileName: string }
  | { phase: "fileProblem"; fileName: string; problem: Extract<ReadResult, { ok: false }> }
  | { phase: "checking"; fileName: string }
  | { phase: "refused"; fileName: string; message: string }
  /** Checked by the database: `counts` when clean (nothing applied yet), else rows carry errors. */
  | { phase: "checked"; fileName: string; rows: PreviewRow[]; counts: ImportCounts | null; errorRows: number }
  | { phase: "applying"; fileName: string; rows: PreviewRow[]; counts: ImportCounts }
  | { phase: "applied"; fileName: string; counts: ImportCounts };

const countsOf = (a: ImportAnswer): ImportCounts => ({
  rows: a.rows,
  inserted: a.inserted ?? 0,
  updated: a.updated ?? 0,
  unchanged: a.unchanged ?? 0,
  priceChanges: a.price_changes ?? 0,
  heldForApproval: a.held_for_approval ?? 0,
  priceChangeApprovalId: a.price_change_request?.approval_id ?? null,
});

/** The rows with the database's errors placed on them (`row` is the 1-based position sent). */
function placeErrors(rows: SheetRow[], answer: ImportAnswer): PreviewRow[] {
  const byRow = new Map<number, RowError[]>();
  for (const e of answer.errors ?? []) byRow.set(e.row, [...(byRow.get(e.row) ?? []), { field: e.field, code: e.code, message: e.message }]);
  return rows.map((r, i) => ({ ...r, errors: byRow.get(i + 1) ?? [] }));
}

/**
 * 导入价目表: read the file in the browser → the database checks every row without changing
 * anything (preview_price_list) → only a clean file may be applied (import_price_list, one
 * transaction; it checks again and answers with errors if the data changed meanwhile), into the
 * project in use.
 */
export function usePriceListImport(onApplied?: () => void) {
  const [state, setState] = useState<ImportState>({ phase: "idle" });
  // The dry run changes nothing: no refresh after it.
  const preview = useProjectRpc("preview_price_list", { refresh: false });
  const importList = useProjectRpc("import_price_list");
  const rowsArg = (rows: SheetRow[]) => ({ p_rows: rows.map((r) => r.values) });

  const answerState = (fileName: string, rows: SheetRow[], answer: ImportAnswer): ImportState => {
    const placed = placeErrors(rows, answer);
    return {
      phase: "checked",
      fileName,
      rows: placed,
      counts: answer.ok ? countsOf(answer) : null,
      errorRows: placed.filter((r) => r.errors.length).length,
    };
  };

  async function check(file: File) {
    setState({ phase: "reading", fileName: file.name });
    const read = await readPriceListFile(file);
    if (!read.ok) return setState({ phase: "fileProblem", fileName: file.name, problem: read });
    setState({ phase: "checking", fileName: file.name });
    try {
      setState(answerState(file.name, read.rows, await preview.call(rowsArg(read.rows))));
    } catch (e) {
      setState({ phase: "refused", fileName: file.name, message: (e as HttpError).message });
    }
  }

  async function apply() {
    if (state.phase !== "checked" || !state.counts) return;
    const { fileName, rows, counts } = state;
    setState({ phase: "applying", fileName, rows, counts });
    try {
      const answer = await importList.call(rowsArg(rows));
      setState(answer.ok ? { phase: "applied", fileName, counts: countsOf(answer) } : answerState(fileName, rows, answer));
      if (answer.ok) onApplied?.();
    } catch (e) {
      setState({ phase: "refused", fileName, message: (e as HttpError).message });
    }
  }

  return { state, check, apply, reset: () => setState({ phase: "idle" }) };
}
