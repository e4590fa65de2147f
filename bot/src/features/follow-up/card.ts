import type { Locale, Translate } from "../../i18n/index.ts";
import type { FollowUpMethod } from "../../nlu/schema.ts";
import { formatDay } from "../common/clock.ts";
import type { CustomerRef } from "../common/customers.ts";
import { maskedPhone } from "../common/format.ts";

export interface FollowUpDraft {
  customer: CustomerRef;
  method: FollowUpMethod;
  content: string;
  nextDate: string | null;
  /** Estimated from loose words (月底): said on the card so it can be changed. */
  approx?: string | null;
  /** 不再约 was chosen: no next date, on purpose. */
  noNext?: boolean;
}

export function followUpCard(t: Translate, locale: Locale, d: FollowUpDraft): string {
  return [
    t("followUp.card.title"),
    t("followUp.card.customer", { name: d.customer.name, phone: maskedPhone(d.customer.phone) }),
    t("followUp.card.method", { method: t(`method.${d.method}`) }),
    t("followUp.card.content", { content: d.content }),
    t("followUp.card.next", {
      date: d.nextDate
        ? formatDay(d.nextDate, locale) + (d.approx ? t("followUp.approx", { words: d.approx }) : "")
        : d.noNext ? t("followUp.noNext") : t("followUp.pickNext"),
    }),
  ].join("\n");
}
