import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18next, { asLocale } from "./index.ts";

/**
 * dayjs's locale follows the UI language. Imported by the signed-in shell (and pages outside it
 * that show dates), not by the entry chunk: the sign-in page shows no dates.
 */
const apply = (language: string) => void dayjs.locale(asLocale(language) === "en" ? "en" : "zh-cn");
apply(i18next.language);
i18next.on("languageChanged", apply);
