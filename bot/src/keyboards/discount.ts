import { PAYMENT_METHODS } from "@so/shared/schemas/deals";
import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n/index.ts";
import { dialogButton } from "./dialog.ts";

/**
 * Under the build-up: the payment method (one of five, three to a row), a toggle per policy (🚫
 * when the deal does not qualify), 理由 / 价格, 提交 when it can be submitted, 取消.
 */
export function discountKeyboard(
  t: Translate,
  policies: readonly { name: string; chosen: boolean; unfit?: boolean }[],
  opts: { hasReason: boolean; canSubmit: boolean; method: string },
): InlineKeyboard {
  const methods = PAYMENT_METHODS.map((m) => dialogButton(`${opts.method === m ? "◉" : "○"} ${t(`discount.method.${m}`)}`, "pm", m));
  const rows = [
    methods.slice(0, 3),
    methods.slice(3),
    ...policies.map((p, i) => [dialogButton(`${p.chosen ? "☑" : p.unfit ? "🚫" : "☐"} ${p.name}`, "pol", String(i))]),
  ];
  rows.push([
    dialogButton(opts.hasReason ? t("discount.editReason") : t("discount.giveReason"), "reason"),
    dialogButton(t("discount.editPrice"), "price"),
  ]);
  rows.push([...(opts.canSubmit ? [dialogButton(t("discount.submit"), "submit")] : []), dialogButton(t("dialog.cancel"), "cancel")]);
  return InlineKeyboard.from(rows);
}
