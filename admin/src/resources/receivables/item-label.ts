import type { TFunction } from "i18next";
import type { ReceivableRow } from "./types.ts";

/** "第2期 首付", or "认购定金" for a 认购's 定金 before the contract. */
export const itemLabel = (t: TFunction, r: Pick<ReceivableRow, "source" | "seq" | "kind">): string =>
  r.source === "deposit" ? t("receivables.depositItem") : `${t("deals.plan.nth", { n: r.seq })} ${t(`deals.planKinds.${r.kind}`)}`;
