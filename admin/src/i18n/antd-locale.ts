// The ES builds: antd/locale/* are CommonJS, whose default import Vite hands over as { default }.
import type { Locale as AntdLocale } from "antd/es/locale";
import zhCN from "antd/es/locale/zh_CN";
import type { Locale } from "./index.ts";

/** antd's English texts, loaded with the English labels (i18next's backend waits for both). */
let enUS: AntdLocale | undefined;

export async function loadAntdLocale(locale: Locale): Promise<void> {
  if (locale === "en") enUS ??= (await import("antd/es/locale/en_US")).default;
}

/** antd's locale for the UI language (dayjs's follows it in dayjs-locale.ts). */
export function antdLocale(locale: Locale) {
  return locale === "en" && enUS ? enUS : zhCN;
}
