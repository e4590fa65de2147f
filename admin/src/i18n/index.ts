import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { MESSAGES } from "./messages.ts";

/** zh-CN first; English second. The choice is remembered per browser. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

const STORAGE_KEY = "so.locale";

export const asLocale = (value: string | null | undefined): Locale =>
  value && value.toLowerCase().startsWith("en") ? "en" : DEFAULT_LOCALE;

function storedLocale(): Locale {
  try {
    return asLocale(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_LOCALE;
  }
}

void i18next.use(initReactI18next).init({
  resources: { "zh-CN": { translation: MESSAGES["zh-CN"] }, en: { translation: MESSAGES.en } },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

const applyLocale = (lng: string) => {
  document.documentElement.lang = asLocale(lng);
  try {
    window.localStorage.setItem(STORAGE_KEY, asLocale(lng));
  } catch {
    // private mode: the choice just is not remembered
  }
};
applyLocale(i18next.language);
i18next.on("languageChanged", applyLocale);

export default i18next;
