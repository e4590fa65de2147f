import { theme } from "antd";
import { useTranslation } from "react-i18next";

const SPIN = "so-page-loading-spin";

/**
 * While a lazy page's code or the session loads: a ring and 加载中…, drawn with CSS (antd's Spin
 * is not in the entry chunk, which shows this before anything else has loaded).
 */
export function PageLoading() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div role="status" aria-live="polite" style={{ display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center", gap: 8, minHeight: 240 }}>
      <style>{`@keyframes ${SPIN}{to{transform:rotate(360deg)}}`}</style>
      <span
        aria-hidden
        style={{
          width: 32,
          height: 32,
          borderRadius: "50%",
          border: `3px solid ${token.colorPrimaryBg}`,
          borderTopColor: token.colorPrimary,
          animation: `${SPIN} 0.8s linear infinite`,
        }}
      />
      <span style={{ color: token.colorPrimary, fontSize: token.fontSize }}>{t("pages.loading")}</span>
    </div>
  );
}
