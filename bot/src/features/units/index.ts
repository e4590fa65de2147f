import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import {
  markupIfAny, packPage, unitCardData, unitPageData, unitCardKeyboard, unitDiscountData, unitHoldData, unitListKeyboard, unitOf, unitReleaseData,
  unpackPage,
} from "../../keyboards/units.ts";
import type { UnitFilter } from "../../nlu/schema.ts";
import { enterDialog } from "../common/dialog.ts";
import { areaText, formatWan } from "../common/format.ts";
import { onIntent } from "../common/intent.ts";
import { INVENTORY_ROLES, projectFor, SALES_ROLES } from "../common/project.ts";
import { attempt, refusalText } from "../common/rpc.ts";
import { startDiscount } from "../discount/start.ts";
import { listText, unitCardText } from "./card.ts";
import { holdDialog, type HoldInput } from "./hold.ts";
import { PAGE_SIZE, searchUnits, unitDetail, unitLabel } from "./search.ts";

/**
 * 查房源: `3栋还有三房吗`, `300万以内 120平左右` → the available units, a page at a time with
 * buttons; a unit's card; 锁定 it for one of my customers, release my hold, or ask for a discount.
 */
export const unitsFeature = new Composer<BotContext>();
const bound = unitsFeature.filter(isBound);
export const unitsDialogs = createConversation(holdDialog, "hold");

async function showPage(ctx: BoundContext, filter: UnitFilter, page: number, edit: boolean) {
  const project = projectFor(ctx.staff, INVENTORY_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("units.notAllowed")));
  const { units, total } = await searchUnits(ctx.db, project.id, filter, page);
  const text = listText(ctx.t, filter, units, total, page);
  const keyboard = unitListKeyboard(
    ctx.t,
    units.map((u) => ({ id: u.id, label: `${unitLabel(u)} ${areaText(u.building_area)} ${formatWan(u.list_price)}` })),
    {
      prev: page > 0 ? packPage(filter, page - 1) : null,
      next: (page + 1) * PAGE_SIZE < total ? packPage(filter, page + 1) : null,
    },
  );
  if (edit) await ctx.editMessageText(text, markupIfAny(keyboard));
  else await ctx.reply(text, markupIfAny(keyboard));
}

bound.use(onIntent("query_units", (ctx, result) => showPage(ctx, result.filter, 0, false)));

bound.callbackQuery(unitPageData.filter, async (ctx) => {
  const unpacked = unpackPage(ctx.callbackQuery.data);
  if (!unpacked) return void (await ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
  await ctx.answerCallbackQuery();
  await showPage(ctx, unpacked.filter, unpacked.page, true);
});

async function showCard(ctx: BoundContext, unitId: string) {
  const unit = await unitDetail(ctx.db, unitId);
  if (!unit) return void (await ctx.reply(ctx.t("units.gone")));
  const mine = unit.status === "held" && unit.held_by === ctx.staff.id;
  const canSell = projectFor(ctx.staff, SALES_ROLES) !== null;
  const keyboard = unitCardKeyboard(ctx.t, unit.id, { holdable: canSell && unit.status === "available", releasable: canSell && mine });
  await ctx.reply(unitCardText(ctx.t, ctx.locale, unit, ctx.staff.id), markupIfAny(keyboard));
}

bound.callbackQuery(unitCardData.filter, async (ctx) => {
  const unitId = unitOf(unitCardData.unpack(ctx.callbackQuery.data));
  if (!unitId) return void (await ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
  await ctx.answerCallbackQuery();
  await showCard(ctx, unitId);
});

bound.callbackQuery(unitHoldData.filter, async (ctx) => {
  const unitId = unitOf(unitHoldData.unpack(ctx.callbackQuery.data));
  const project = projectFor(ctx.staff, SALES_ROLES);
  if (!unitId) return void (await ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
  if (!project) return void (await ctx.answerCallbackQuery({ text: ctx.t("units.notAllowed") }));
  const unit = await unitDetail(ctx.db, unitId);
  if (!unit) return void (await ctx.answerCallbackQuery({ text: ctx.t("units.gone") }));
  await ctx.answerCallbackQuery();
  const input: HoldInput = { projectId: unit.project_id, unitId, label: unitLabel(unit) };
  await enterDialog(ctx, "hold", input);
});

bound.callbackQuery(unitReleaseData.filter, async (ctx) => {
  const unitId = unitOf(unitReleaseData.unpack(ctx.callbackQuery.data));
  if (!unitId) return void (await ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
  const result = await attempt(ctx.db, "release_unit", { p_unit_id: unitId });
  if (!result.ok) return void (await ctx.answerCallbackQuery({ text: refusalText(result, ctx.locale), show_alert: true }));
  await ctx.answerCallbackQuery({ text: ctx.t("units.released") });
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.t("units.released"));
});

bound.callbackQuery(unitDiscountData.filter, async (ctx) => {
  const unitId = unitOf(unitDiscountData.unpack(ctx.callbackQuery.data));
  if (!unitId) return void (await ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
  await ctx.answerCallbackQuery();
  await startDiscount(ctx, { unitId });
});
