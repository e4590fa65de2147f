import { useCustomMutation, useList, type HttpError } from "@refinedev/core";
import { Alert, Button, Space, Typography, theme } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

interface BindCode {
  code: string;
  expires_at: string;
  used_at: string | null;
}

/** mm:ss left until `until` (00:00 once passed), ticking every second. */
function useCountdown(until: string | undefined): { left: number; text: string } {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  const left = until ? Math.max(0, Math.floor((dayjs(until).valueOf() - now) / 1000)) : 0;
  return { left, text: `${String(Math.floor(left / 60)).padStart(2, "0")}:${String(left % 60).padStart(2, "0")}` };
}

/**
 * 我的绑定码: create_telegram_bind_code makes a one-time code for the signed-in person alone
 * (nobody can make one for someone else, administrators included); it is shown big,
 * with the time left and what to send the bot. The code's row (telegram_bind_codes) is read back
 * for its expiry, and re-read while shown so a redemption by the bot shows up here.
 */
export function BindCodePanel({ onBound }: { onBound?: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [code, setCode] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The function answers a bare string (the code), which refine's types do not foresee.
  const { mutate, mutation } = useCustomMutation();
  const { result, query } = useList<BindCode>({
    resource: "telegram_bind_codes",
    filters: [{ field: "code", operator: "eq", value: code }],
    pagination: { mode: "off" },
    meta: { select: "code, expires_at, used_at" },
    queryOptions: { enabled: Boolean(code), refetchInterval: 5000 },
  });
  const row = result.data?.[0];
  const { left, text } = useCountdown(row?.expires_at);
  const used = Boolean(row?.used_at);

  useEffect(() => {
    if (used) onBound?.();
  }, [used, onBound]);

  const generate = () => {
    setRefusal(null);
    mutate(
      { url: "rpc/create_telegram_bind_code", method: "post", values: {}, successNotification: false, errorNotification: false },
      { onSuccess: ({ data }) => setCode(data as unknown as string), onError: (error: HttpError) => setRefusal(error.message) },
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="bind-code-panel">
      {refusal && <Alert type="error" showIcon message={refusal} role="alert" />}
      {code && row && !used && left > 0 && (
        <div style={{ textAlign: "center", padding: "16px 8px", background: token.colorFillAlter, borderRadius: token.borderRadiusLG }}>
          <Typography.Text type="secondary">{t("telegram_binding.codeLabel")}</Typography.Text>
          <div
            data-testid="bind-code"
            style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: 44, fontWeight: 700, letterSpacing: 8, lineHeight: 1.3 }}
          >
            {code}
          </div>
          <Typography.Text type={left < 60 ? "danger" : "secondary"} data-testid="bind-code-countdown">
            {t("telegram_binding.expiresIn", { time: text })}
          </Typography.Text>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            {t("telegram_binding.instructionBefore")}
            <Typography.Text code copyable={{ text: `/start ${code}` }} strong>
              /start {code}
            </Typography.Text>
          </Typography.Paragraph>
        </div>
      )}
      {code && row && !used && left === 0 && <Alert type="warning" showIcon message={t("telegram_binding.expired")} />}
      {used && <Alert type="success" showIcon message={t("telegram_binding.redeemed")} />}
      {code && !row && query.isFetched && <Alert type="warning" showIcon message={t("telegram_binding.codeUnreadable")} />}
      <Button type={code ? "default" : "primary"} onClick={generate} loading={mutation.isPending} data-testid="generate-bind-code">
        {t(code ? "telegram_binding.regenerate" : "telegram_binding.generate")}
      </Button>
    </Space>
  );
}
