import i18next, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import { loadAntdLocale } from "./antd-locale.ts";
import { loadChinese, loadMessages, ZH_CN_SHELL } from "./messages.ts";

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
 * zh-CN's shell labels are bundled; the areas' labels and any other language come from chunks of
 * their own. i18next waits for a language before switching to it (changeLanguage resolves once
 * the labels, antd's locale included, are there), so no screen shows raw keys.
 */
const lazyLocales: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    Promise.all([loadMessages(asLocale(language)), loadAntdLocale(asLocale(language))]).then(([messages]) => messages).then(
      (messages) => callback(null, messages as never),
      (error: Error) => callback(error, false),
    );
  },
};

void i18next
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    resources: { "zh-CN": { translation: ZH_CN_SHELL } },
    partialBundledLanguages: true,
    lng: storedLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    load: "currentOnly",
    interpolation: { escapeValue: false },
    // Whatever rendered before the areas' labels arrived renders again with them.
    react: { bindI18nStore: "added" },
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

/**
 * The zh-CN areas' labels, requested at once (in parallel with the session check and the shell's
 * code). The signed-in shell and the lazy pages outside it wait for this before rendering
 * (`afterMessages`); the sign-in page needs only the bundled shell labels.
 */
export const messagesReady: Promise<void> = loadChinese().then(
  (messages) => void i18next.addResourceBundle(DEFAULT_LOCALE, "translation", messages, true, false),
  () => undefined,
);

/** A lazy page's loader that also waits for the labels (for `React.lazy`). */
export const afterMessages =
  <T,>(load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), messagesReady]).then(([module]) => module);
i18next.on("languageChanged", applyLocale);

export default i18next;
