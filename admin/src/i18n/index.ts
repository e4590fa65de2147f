import i18next, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import { loadMessages, ZH_CN_MESSAGES } from "./messages.ts";

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

/**
 * zh-CN is bundled; any other language comes from its own chunk. i18next waits for it before
 * switching (changeLanguage resolves once the labels are there), so no screen shows raw keys.
 */
const lazyLocales: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    loadMessages(asLocale(language)).then(
      (messages) => callback(null, messages as never),
      (error: Error) => callback(error, false),
    );
  },
};

void i18next
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    resources: { "zh-CN": { translation: ZH_CN_MESSAGES } },
    partialBundledLanguages: true,
    lng: storedLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    load: "currentOnly",
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
