import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import {
  markupIfAny, unitExtendData, unpackExtend, packPage, unitCardData, unitPageData, unitCardKeyboard, unitDiscountData, unitHoldData, unitListKeyboard, unitOf, unitReleaseData,
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
import { formatClock } from "../common/clock.ts";
import { buildingCodes, heldBy, PAGE_SIZE, searchUnits, unitDetail, unitLabel, unitsByLabel } from "./search.ts";

/**
 * 查房源: `3栋还有三房吗`, `300万以内 120平左右` → the available units, a page at a time with
 * buttons; a unit's card; 锁定 it for one of my customers, release my hold, or ask for a discount.
 */
export const unitsFeature = new Composer<BotContext>();
const bound = unitsFeature.filter(isBound);
export const unitsDialogs = createConversation(holdDialog, "hold");

/**
 * A search from a message: one unit written in any form (3-703, 2栋1203, 7幢21楼06室) opens that
 * unit's card; a building the project does not have is said so; otherwise the first page.
 */
async function search(ctx: BoundContext, filter: UnitFilter) {
  const project = projectFor(ctx, INVENTORY_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("units.notAllowed")));
  if (filter.building) {
    const codes = await buildingCodes(ctx.db, project.id);
    if (!codes.includes(filter.building)) {
      return void (await ctx.reply(ctx.t("units.noBuilding", { building: filter.building, buildings: codes.join("、") })));
    }
  }
  if (filter.unit) {
    const [building, room] = filter.unit.includes("-") ? filter.unit.split("-") : [null, filter.unit];
    const found = await unitsByLabel(ctx.db, project.id, { building, room });
    if (found.length === 0) return void (await ctx.reply(ctx.t("units.noUnit", { unit: filter.unit })));
    if (found.length === 1) return showCard(ctx, found[0].id);
    const keyboard = unitListKeyboard(ctx.t, found.map((u) => ({ id: u.id, label: unitLabel(u) })), { prev: null, next: null });
    return void (await ctx.reply(ctx.t("units.severalUnits", { unit: filter.unit }), markupIfAny(keyboard)));
  }
  await showPage(ctx, filter, 0, false);
}

async function showPage(ctx: BoundContext, filter: UnitFilter, page: number, edit: boolean) {
  const project = projectFor(ctx, INVENTORY_ROLES);
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

bound.use(onIntent("query_units", (ctx, result) => search(ctx, result.filter)));

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
  const canSell = projectFor(ctx, SALES_ROLES) !== null;
  const keyboard = unitCardKeyboard(ctx.t, unit.id, {
    holdable: canSell && unit.status === "available", releasable: canSell && mine, extendUntil: mine ? unit.hold_expires_at : null,
  });
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
  const project = projectFor(ctx, SALES_ROLES);
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
  // A second tap (or one after the hold lapsed): 已处理, and the stale buttons go.
  if (!result.ok && result.code === "unit_not_held") {
    await ctx.editMessageReplyMarkup().catch(() => {});
    return void (await ctx.answerCallbackQuery({ text: ctx.t("units.releaseHandled") }));
  }
  if (!result.ok) return void (await ctx.answerCallbackQuery({ text: refusalText(result, ctx.locale), show_alert: true }));
  await ctx.answerCallbackQuery({ text: ctx.t("units.released") });
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.t("units.released"));
});

bound.callbackQuery(unitExtendData.filter, async (ctx) => {
  const tap = unpackExtend(ctx.callbackQuery.data);
  if (!tap) return void (await ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
  // The database decides: holder only, once per hold, within the project's hold minutes; a second tap is 已处理.
  const result = await attempt<{ hold_expires_at: string }>(ctx.db, "extend_hold", { p_unit_id: tap.unitId, p_seen_expires_at: tap.expiresAt });
  if (!result.ok) {
    const text = result.code === "hold_already_handled" ? ctx.t("units.handled") : refusalText(result, ctx.locale);
    return void (await ctx.answerCallbackQuery({ text, show_alert: result.code !== "hold_already_handled" }));
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => {});
  const unit = await unitDetail(ctx.db, tap.unitId);
  await ctx.reply(ctx.t("units.extended", { unit: unit ? unitLabel(unit) : "", until: formatClock(result.data.hold_expires_at) }));
});

/** 我的锁定 (/holds): the units I hold now, each opening its card (延长 / 释放 / 申请优惠). */
async function myHolds(ctx: BoundContext) {
  const project = projectFor(ctx, SALES_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("units.notAllowed")));
  const held = await heldBy(ctx.db, ctx.staff.id);
  if (held.length === 0) return void (await ctx.reply(ctx.t("units.noHolds")));
  const text = [
    ctx.t("units.myHolds", { count: held.length }),
    ...held.map((u, i) => `${i + 1}. ${ctx.t("units.myHoldLine", { label: unitLabel(u), customer: u.held_for_name ?? ctx.t("unknown"), until: formatClock(u.hold_expires_at) })}`),
  ].join("\n");
  const keyboard = unitListKeyboard(ctx.t, held.map((u) => ({ id: u.id, label: unitLabel(u) })), { prev: null, next: null });
  await ctx.reply(text, markupIfAny(keyboard));
}

bound.command("holds", myHolds);
bound.hears(/^\s*(我的锁定|我锁的房(源)?|我的预留|我锁定的(房源?)?|锁定列表)\s*[?？]?\s*$/, myHolds);

bound.callbackQuery(unitDiscountData.filter, async (ctx) => {
  const unitId = unitOf(unitDiscountData.unpack(ctx.callbackQuery.data));
  if (!unitId) return void (await ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
  await ctx.answerCallbackQuery();
  await startDiscount(ctx, { unitId });
});
