import type { Locale, Translate } from "../../i18n/index.ts";
import { formatDateTime } from "../common/clock.ts";

export interface OutingDraft {
  customerName: string;
  destination: string;
  /** When the card was drawn; the database takes its own now() on 确认. */
  now: string;
}

/** How long an outing is expected to take when nobody says: report_outing's default. */
export const EXPECTED_HOURS = 2;

export const expectedBack = (now: string) => new Date(Date.parse(now) + EXPECTED_HOURS * 3600_000).toISOString();

/** The card shown before reporting. */
export function outingCard(t: Translate, locale: Locale, d: OutingDraft): string {
  return [
    t("outing.card.title"),
    t("outing.card.customer", { name: d.customerName }),
    t("outing.card.destination", { text: d.destination }),
    t("outing.card.out", { at: formatDateTime(d.now, locale) }),
    t("outing.card.back", { at: formatDateTime(expectedBack(d.now), locale) }),
  ].join("\n");
}
