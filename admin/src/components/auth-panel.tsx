import { theme } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./header/language-switch.tsx";

/**
 * The centred panel of the sign-in and sign-up pages: the product's name, what the page is for,
 * the language switch in the corner. A plain panel rather than antd's Card (which would bring Tabs
 * and Menu into the entry chunk), with plain headings rather than Typography (tooltips, editing).
 */
export function AuthPanel({ subtitle, maxWidth, children }: { subtitle: string; maxWidth: number; children: ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        justifyContent: "center",
        minHeight: "100vh",
        boxSizing: "border-box",
        background: token.colorBgLayout,
        padding: 16,
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
      }}
    >
      <div style={{ position: "absolute", top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <div
        style={{
          width: "100%",
          maxWidth,
          padding: 32,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowTertiary,
        }}
      >
        <h3 style={{ textAlign: "center", margin: "0 0 4px", fontSize: token.fontSizeHeading3, fontWeight: token.fontWeightStrong, lineHeight: token.lineHeightHeading3, color: token.colorTextHeading }}>
          {t("app.fullTitle")}
        </h3>
        <p style={{ textAlign: "center", margin: "0 0 16px", color: token.colorTextSecondary }}>{subtitle}</p>
        {children}
      </div>
    </div>
  );
}
