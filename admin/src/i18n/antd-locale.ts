// The ES builds: antd/locale/* are CommonJS, whose default import Vite hands over as { default }.
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { Locale } from "./index.ts";

/** antd's and dayjs's locale for the UI language. */
export function antdLocale(locale: Locale) {
  dayjs.locale(locale === "en" ? "en" : "zh-cn");
  return locale === "en" ? enUS : zhCN;
}
