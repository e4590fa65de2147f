import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n/index.ts";
import { callbackData } from "./callback-data.ts";

/**
 * Buttons of a dialogue's own messages: `d:<action>:<value>`. A dialogue only takes taps on the
 * message it is waiting on; a tap on an older message falls through as a stale button.
 */
export const dialogData = callbackData("d", ["action", "value"]);

export const dialogButton = (text: string, action: string, value = "") => ({
  text,
  callback_data: dialogData.pack({ action, value }),
});

/** 确认 / 修改 / 取消 under a card. */
export function confirmKeyboard(t: Translate, opts: { confirm?: string } = {}): InlineKeyboard {
  return InlineKeyboard.from([
    [dialogButton(opts.confirm ?? t("dialog.confirm"), "ok"), dialogButton(t("dialog.edit"), "edit")],
    [dialogButton(t("dialog.cancel"), "cancel")],
  ]);
}

/** One button per choice (`action:value`), `perRow` in a row, then optional extra rows. */
export function choiceKeyboard(
  choices: readonly { label: string; value: string }[],
  action: string,
  opts: { perRow?: number; extra?: { text: string; action: string; value?: string }[] } = {},
): InlineKeyboard {
  const perRow = opts.perRow ?? 2;
  const rows: ReturnType<typeof dialogButton>[][] = [];
  choices.forEach((c, i) => {
    if (i % perRow === 0) rows.push([]);
    rows[rows.length - 1].push(dialogButton(c.label, action, c.value));
  });
  if (opts.extra?.length) rows.push(opts.extra.map((e) => dialogButton(e.text, e.action, e.value)));
  return InlineKeyboard.from(rows);
}

/** Just 取消 (and optionally 跳过) under a question. */
export function questionKeyboard(t: Translate, opts: { skip?: boolean } = {}): InlineKeyboard {
  return InlineKeyboard.from([
    [...(opts.skip ? [dialogButton(t("dialog.skip"), "skip")] : []), dialogButton(t("dialog.cancel"), "cancel")],
  ]);
}
