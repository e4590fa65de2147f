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
}

export function followUpCard(t: Translate, locale: Locale, d: FollowUpDraft): string {
  return [
    t("followUp.card.title"),
    t("followUp.card.customer", { name: d.customer.name, phone: maskedPhone(d.customer.phone) }),
    t("followUp.card.method", { method: t(`method.${d.method}`) }),
    t("followUp.card.content", { content: d.content }),
    t("followUp.card.next", { date: d.nextDate ? formatDay(d.nextDate, locale) : t("followUp.noNext") }),
  ].join("\n");
}
