import type { Database } from "@so/shared/database.types";

/**
 * A row of public.receivables: one amount due — a plan item of a live contract, or the 定金 of a
 * 认购 without a contract yet (source "deposit", no contract, seq 0) — what is paid, outstanding,
 * days overdue, and the latest 催款 contact.
 */
export type ReceivableRow = Omit<Database["public"]["Views"]["receivables"]["Row"], "id" | "source" | "seq" | "kind" | "customer_id"> & {
  id: string;
  source: "plan" | "deposit";
  seq: number;
  kind: string;
  customer_id: string;
};
