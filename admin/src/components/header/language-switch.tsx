import { TranslationOutlined } from "@ant-design/icons";
import { useTranslation as useRefineTranslation } from "@refinedev/core";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { asLocale } from "../../i18n/index.ts";

/** Switches between 中文 and English (remembered in this browser); shows the other language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { changeLocale, getLocale } = useRefineTranslation();
  const other = asLocale(getLocale()) === "en" ? "zh-CN" : "en";
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      title={t("header.language")}
      data-testid="language-switch"
      onClick={() => changeLocale(other)}
    >
      {t(`languages.${other}`)}
    </Button>
  );
}
