import { en } from "./en.ts";
import { zhCN, type Messages } from "./zh-CN.ts";

export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export type MessageKey = keyof Messages;
type Args<K extends MessageKey> = Messages[K] extends (params: infer P) => string ? [params: P] : [];
export type Translate = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

const catalogs: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, ...args) => {
    const message = messages[key] as string | ((params: unknown) => string);
    return typeof message === "function" ? message(args[0]) : message;
  };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Which language to answer in: the person's own choice (/lang) first, then English when their
 * staff profile or their Telegram app is English, else Chinese.
 */
export function resolveLocale(input: { chosen?: string; staffLocale?: string; languageCode?: string }): Locale {
  if (isLocale(input.chosen)) return input.chosen;
  if (input.staffLocale === "en") return "en";
  if (input.languageCode?.toLowerCase().startsWith("en")) return "en";
  return DEFAULT_LOCALE;
}

/** `/lang zh`, `/lang 中文`, `/lang en`, `/lang English` → a locale. */
export function parseLocale(text: string): Locale | undefined {
  const t = text.trim().toLowerCase();
  if (["zh", "zh-cn", "cn", "中文", "简体中文", "chinese"].includes(t)) return "zh-CN";
  if (["en", "en-us", "en-gb", "english", "英文", "英语"].includes(t)) return "en";
  return undefined;
}
