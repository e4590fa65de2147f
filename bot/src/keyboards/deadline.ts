import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n/index.ts";
import { callbackData } from "./callback-data.ts";
import { fromShortId, shortId } from "./short-id.ts";

/**
 * The overdue-deadline card's buttons: `dl:<subscription>:<action>:<deadline YYYYMMDD>`. The
 * deadline the card was about travels with the tap, so a tap after someone already extended it is
 * recognised. The database decides every tap.
 */
export const deadlineData = callbackData("dl", ["sub", "action", "deadline"]);

export type DeadlineAction = "extend7" | "extend" | "cancel";
const ACTIONS: Record<string, DeadlineAction> = { "7": "extend7", x: "extend", c: "cancel" };
const CODES: Record<DeadlineAction, string> = { extend7: "7", extend: "x", cancel: "c" };

export function deadlineKeyboard(t: Translate, subscriptionId: string, deadline: string): InlineKeyboard {
  const base = { sub: shortId(subscriptionId), deadline: deadline.replace(/-/g, "") };
  const button = (action: DeadlineAction) => deadlineData.pack({ ...base, action: CODES[action] });
  return new InlineKeyboard()
    .text(t("deadline.extend7"), button("extend7"))
    .text(t("deadline.extend"), button("extend"))
    .row()
    .text(t("deadline.cancel"), button("cancel"));
}

/** A tap's subscription, action and the card's deadline (YYYY-MM-DD), or null when it is not one of ours. */
export function unpackDeadline(data: string | undefined): { subscriptionId: string; action: DeadlineAction; deadline: string } | null {
  const v = deadlineData.unpack(data);
  const subscriptionId = fromShortId(v?.sub);
  const action = v ? ACTIONS[v.action] : undefined;
  const m = v ? /^(\d{4})(\d{2})(\d{2})$/.exec(v.deadline) : null;
  return subscriptionId && action && m ? { subscriptionId, action, deadline: `${m[1]}-${m[2]}-${m[3]}` } : null;
}
