import type { SurveyDraft } from "@so/shared/survey-text";
import type { Locale, Translate } from "../../i18n/index.ts";
import { formatDay } from "../common/clock.ts";
import { formatYuan } from "../common/format.ts";

/** The card shown before saving: only what was given. */
export function surveyCard(t: Translate, locale: Locale, d: SurveyDraft, day: string): string {
  const lines = [t("survey.card.title"), t("survey.card.competitor", { name: d.competitor ?? "—" }), t("survey.card.date", { date: formatDay(day, locale) })];
  if (d.avgPrice) lines.push(t("survey.card.avg", { price: formatYuan(d.avgPrice) }));
  if (d.priceMin || d.priceMax) {
    lines.push(t("survey.card.range", { min: d.priceMin ? formatYuan(d.priceMin) : "—", max: d.priceMax ? formatYuan(d.priceMax) : "—" }));
  }
  if (d.offers) lines.push(t("survey.card.offers", { text: d.offers }));
  if (d.monthlySales !== null) lines.push(t("survey.card.sales", { n: d.monthlySales }));
  if (d.salesPace) lines.push(t("survey.card.pace", { text: d.salesPace }));
  if (d.productNotes) lines.push(t("survey.card.product", { text: d.productNotes }));
  return lines.join("\n");
}
