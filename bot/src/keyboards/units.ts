import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n/index.ts";
import type { UnitFilter } from "../nlu/schema.ts";
import { callbackData } from "./callback-data.ts";
import { fromShortId, shortId } from "./short-id.ts";

/** A page of a unit search: the page and the whole filter, so paging needs no stored state. */
export const unitPageData = callbackData("uq", ["page", "b", "r", "a0", "a1", "p", "f0", "f1", "o", "s"]);
/** Open a unit's card / hold it for a customer / release my hold / ask for a discount on it. */
export const unitCardData = callbackData("uc", ["unit"]);
export const unitHoldData = callbackData("uh", ["unit"]);
export const unitReleaseData = callbackData("ur", ["unit"]);
export const unitDiscountData = callbackData("ud", ["unit"]);
/** Extend my hold: the unit and the expiry (epoch seconds) the button was shown with — a second tap is recognised. */
export const unitExtendData = callbackData("ux", ["unit", "exp"]);

export const packExtend = (unitId: string, expiresAt: string) =>
  unitExtendData.pack({ unit: shortId(unitId), exp: String(Math.floor(new Date(expiresAt).getTime() / 1000)) });

/** The unit and the expiry a 延长 tap was about, or null when forged. */
export function unpackExtend(data: string | undefined): { unitId: string; expiresAt: string } | null {
  const v = unitExtendData.unpack(data);
  const unitId = fromShortId(v?.unit);
  if (!unitId || !v || !/^\d{9,11}$/.test(v.exp)) return null;
  return { unitId, expiresAt: new Date(Number(v.exp) * 1000).toISOString() };
}

const text = (v: string | number | null) => (v === null ? "" : String(v));
const num = (v: string | undefined) => (v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v));
const int = (v: string | undefined) => {
  const n = num(v);
  return n !== null && Number.isInteger(n) ? n : null;
};

export function packPage(f: UnitFilter, page: number): string | null {
  try {
    return unitPageData.pack({
      page: String(page), b: text(f.building), r: text(f.rooms), a0: text(f.area_min), a1: text(f.area_max),
      p: text(f.price_max_wan), f0: text(f.floor_min), f1: text(f.floor_max),
      o: text(f.orientation ?? null), s: f.sort === "price_asc" ? "a" : f.sort === "price_desc" ? "d" : "",
    });
  } catch {
    return null; // a filter too long for a button: no paging
  }
}

export function unpackPage(data: string | undefined): { filter: UnitFilter; page: number } | null {
  const v = unitPageData.unpack(data);
  const page = int(v?.page);
  if (!v || page === null || page < 0) return null;
  return {
    page,
    filter: {
      building: v.b || null, rooms: int(v.r), area_min: num(v.a0), area_max: num(v.a1),
      price_max_wan: num(v.p), floor_min: int(v.f0), floor_max: int(v.f1),
      ...(/^(东|南|西|北|东南|西南|东北|西北|南北)$/.test(v.o) ? { orientation: v.o } : {}),
      ...(v.s === "a" ? { sort: "price_asc" as const } : v.s === "d" ? { sort: "price_desc" as const } : {}),
    },
  };
}

/** Telegram wants no keyboard at all rather than an empty one. */
export const markupIfAny = (kb: InlineKeyboard) => (kb.inline_keyboard.some((row) => row.length > 0) ? { reply_markup: kb } : {});

/** A unit id from one of the unit buttons, or null when forged. */
export const unitOf = (unpacked: { unit: string } | null) => fromShortId(unpacked?.unit);

/** One button per unit of the page, then ‹ 上一页 / 下一页 ›. */
export function unitListKeyboard(
  t: Translate,
  units: { id: string; label: string }[],
  nav: { prev: string | null; next: string | null },
): InlineKeyboard {
  const kb = new InlineKeyboard();
  units.forEach((u, i) => {
    kb.text(u.label, unitCardData.pack({ unit: shortId(u.id) }));
    if (i % 2 === 1) kb.row();
  });
  if (units.length % 2 === 1) kb.row();
  if (nav.prev) kb.text(t("units.prev"), nav.prev);
  if (nav.next) kb.text(t("units.next"), nav.next);
  return kb;
}

/** Under a unit's card: what the person can do with it now. */
export function unitCardKeyboard(
  t: Translate, unitId: string, opts: { holdable: boolean; releasable: boolean; extendUntil?: string | null },
): InlineKeyboard {
  const kb = new InlineKeyboard();
  const unit = shortId(unitId);
  if (opts.holdable) kb.text(t("units.hold"), unitHoldData.pack({ unit }));
  if (opts.releasable && opts.extendUntil) kb.text(t("units.extend"), packExtend(unitId, opts.extendUntil));
  if (opts.releasable) kb.text(t("units.release"), unitReleaseData.pack({ unit }));
  if (opts.holdable || opts.releasable) kb.text(t("units.discount"), unitDiscountData.pack({ unit }));
  return kb;
}
