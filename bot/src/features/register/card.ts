import type { Locale, Translate } from "../../i18n/index.ts";
import { areaText, maskedPhone } from "../common/format.ts";
import type { CustomerDraft, Registered } from "./draft.ts";

/** 3室 · 110–130㎡ · 预算300万 · 自住, or null when nothing is known. */
export function needsText(t: Translate, d: CustomerDraft): string | null {
  const parts: string[] = [];
  if (d.rooms !== null) parts.push(t("register.rooms", { rooms: d.rooms }));
  if (d.area_min !== null && d.area_max !== null) parts.push(`${d.area_min}–${areaText(d.area_max)}`);
  else if (d.area_min !== null) parts.push(t("register.areaMin", { area: areaText(d.area_min) }));
  else if (d.area_max !== null) parts.push(t("register.areaMax", { area: areaText(d.area_max) }));
  if (d.budget_max_wan !== null) parts.push(t("register.budget", { wan: d.budget_max_wan }));
  if (d.purpose !== null) parts.push(t(`purpose.${d.purpose}`));
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** What register_customer would decide for the phone (registration_preview), shown before 确认. */
export type Preview = { outcome: "new" | "already_yours" | "claimed_from_pool" } | { outcome: "collision"; owner_name: string | null };

function previewLine(t: Translate, p: Preview | null): string[] {
  if (!p || p.outcome === "new") return [];
  if (p.outcome === "collision") return [t("register.preview.collision", { owner: p.owner_name ?? t("unknown") })];
  return [p.outcome === "already_yours" ? t("register.preview.alreadyYours") : t("register.preview.claimed")];
}

/** The card the person confirms before anything is written (撞单 and the like said on it already). */
export function registerCard(t: Translate, d: CustomerDraft, preview: Preview | null = null): string {
  const dash = t("unknown");
  return [
    t("register.card.title"),
    t("register.card.name", { value: d.name ?? dash }),
    t("register.card.phone", { value: d.phone ?? dash }),
    t("register.card.source", { value: d.source ? t(`source.${d.source}`) : dash }),
    t("register.card.grade", { value: d.grade ? t(`grade.${d.grade}`) : dash }),
    t("register.card.needs", { value: needsText(t, d) ?? dash }),
    ...(d.gender ? [t("register.card.gender", { value: t(`gender.${d.gender}`) })] : []),
    ...(d.note ? [t("register.card.note", { value: d.note })] : []),
    ...previewLine(t, preview),
    "",
    t("register.card.hint"),
  ].join("\n");
}

/** What the database decided about the registration, in the person's words. */
export function outcomeText(t: Translate, _locale: Locale, d: CustomerDraft, r: Registered): string {
  const who = { name: d.name ?? "", phone: d.phone ? maskedPhone(d.phone) : "" };
  switch (r.outcome) {
    case "new":
      return t("register.outcome.new", who);
    case "already_yours":
      return t("register.outcome.alreadyYours", who);
    case "claimed_from_pool":
      return t("register.outcome.claimed", who);
    case "collision":
      return t("register.outcome.collision", { ...who, owner: r.owner_name ?? t("unknown") });
  }
}
