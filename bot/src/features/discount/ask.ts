import type { Translate } from "../../i18n/index.ts";
import { choiceKeyboard } from "../../keyboards/dialog.ts";
import { askUntil } from "../common/ask.ts";
import { read, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { applyRate, wanToYuan } from "../common/format.ts";
import { readPrice, readUnit } from "../common/read.ts";
import { unitDetail, unitLabel, unitsByLabel, type UnitDetail } from "../units/search.ts";

/** Which unit: the label the message gave, else asked; several with that number are offered as buttons. */
export async function resolveUnit(
  conversation: Dialog,
  ctx: DialogCtx,
  t: Translate,
  projectId: string,
  given: string | null,
): Promise<{ unit: UnitDetail; ctx: DialogCtx }> {
  let text = given;
  let question = t("discount.askUnit");
  let current = ctx;
  for (;;) {
    if (!text) {
      const r = await askUntil(conversation, current, t, question, (a) => (a.kind === "text" && a.text ? a.text : undefined));
      text = r.value;
      current = r.ctx;
    }
    const label = readUnit(text);
    const units = label ? await read(conversation, (o) => unitsByLabel(o.db, projectId, label)) : [];
    if (units.length === 0) {
      question = t("discount.unitNotFound", { unit: text });
      text = null;
      continue;
    }
    let unitId = units[0].id;
    if (units.length > 1) {
      const keyboard = choiceKeyboard(units.map((u, i) => ({ label: unitLabel(u), value: String(i) })), "pick", {
        perRow: 3, extra: [{ text: t("dialog.cancel"), action: "cancel" }],
      });
      const r = await askUntil(conversation, current, t, t("discount.severalUnits", { unit: text }), (a) =>
        a.kind === "tap" && units[Number(a.value)] ? units[Number(a.value)].id : undefined, { keyboard });
      unitId = r.value;
      current = r.ctx;
    }
    const unit = await read(conversation, (o) => unitDetail(o.db, unitId));
    if (unit) return { unit, ctx: current };
    text = null;
  }
}

/** 申请价格: a total (285万) or a discount of the list price (97折). */
export async function askPrice(conversation: Dialog, ctx: DialogCtx, t: Translate, unit: UnitDetail) {
  const r = await askUntil(conversation, ctx, t, t("discount.askPrice", { unit: unitLabel(unit) }), async (a) => {
    if (a.kind !== "text") return undefined;
    const { rate, targetWan } = readPrice(a.text);
    if (targetWan !== null) return wanToYuan(targetWan);
    if (rate !== null) return applyRate(unit.list_price, rate);
    await a.ctx.reply(t("discount.badPrice"));
    return undefined;
  });
  return { requested: r.value, ctx: r.ctx };
}
