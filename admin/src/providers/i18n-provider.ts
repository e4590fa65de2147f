import type { I18nProvider } from "@refinedev/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import "../i18n/index.ts";

/**
 * Refine's i18n provider over i18next (zh-CN default, en second). Built from react-i18next's
 * `t` so that a language change re-renders everything that translates, refine's own
 * components included. Refine sometimes passes the default text as the second argument.
 */
export function useI18nProvider(): I18nProvider {
  const { t, i18n } = useTranslation();
  return useMemo<I18nProvider>(
    () => ({
      translate: (key, options, defaultMessage) =>
        String(
          typeof options === "string"
            ? t(key, { defaultValue: options })
            : t(key, { ...(options ?? {}), ...(defaultMessage === undefined ? {} : { defaultValue: defaultMessage }) }),
        ),
      changeLocale: (locale) => i18n.changeLanguage(locale),
      getLocale: () => i18n.language,
    }),
    [t, i18n, i18n.language],
  );
}
