import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n/index.ts";
import { dialogButton } from "./dialog.ts";

/** Under the build-up: a toggle per policy, 理由 / 价格, 提交 when it can be submitted, 取消. */
export function discountKeyboard(
  t: Translate,
  policies: readonly { name: string; chosen: boolean }[],
  opts: { hasReason: boolean; canSubmit: boolean },
): InlineKeyboard {
  const rows = policies.map((p, i) => [dialogButton(`${p.chosen ? "☑" : "☐"} ${p.name}`, "pol", String(i))]);
  rows.push([
    dialogButton(opts.hasReason ? t("discount.editReason") : t("discount.giveReason"), "reason"),
    dialogButton(t("discount.editPrice"), "price"),
  ]);
  rows.push([...(opts.canSubmit ? [dialogButton(t("discount.submit"), "submit")] : []), dialogButton(t("dialog.cancel"), "cancel")]);
  return InlineKeyboard.from(rows);
}
