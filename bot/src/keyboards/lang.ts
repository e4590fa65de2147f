import { InlineKeyboard } from "grammy";
import type { Locale } from "../i18n/index.ts";
import { callbackData } from "./callback-data.ts";

export const langData = callbackData("lang", ["locale"]);

/** 中文 / English, each button labelled in its own language. */
export function langKeyboard(current: Locale): InlineKeyboard {
  const mark = (locale: Locale, label: string) => (locale === current ? `✓ ${label}` : label);
  return new InlineKeyboard()
    .text(mark("zh-CN", "中文"), langData.pack({ locale: "zh-CN" }))
    .text(mark("en", "English"), langData.pack({ locale: "en" }));
}
