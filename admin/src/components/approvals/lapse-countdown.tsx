import { ClockCircleOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** 剩余有效时间: "还剩 1天 3小时 20分", or 已过期; ticks every 30 seconds. */
export function LapseCountdown({ lapsesAt, active = true }: { lapsesAt: string | null | undefined; active?: boolean }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(dayjs()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!lapsesAt) return <Typography.Text type="secondary">{t("approval_center.lapse.never")}</Typography.Text>;
  const end = dayjs(lapsesAt);
  if (!active) return <Typography.Text type="secondary">{end.format("YYYY-MM-DD HH:mm")}</Typography.Text>;
  const minutes = end.diff(now, "minute");
  if (minutes <= 0) {
    return (
      <Typography.Text type="danger" data-testid="lapse">
        {t("approval_center.lapse.lapsed")}
      </Typography.Text>
    );
  }
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const text = [days ? t("approval_center.lapse.days", { count: days }) : "", hours ? t("approval_center.lapse.hours", { count: hours }) : "", t("approval_center.lapse.minutes", { count: mins })]
    .filter(Boolean)
    .join(" ");
  return (
    <Typography.Text type={minutes < 120 ? "warning" : undefined} data-testid="lapse" style={{ whiteSpace: "nowrap" }}>
      <ClockCircleOutlined /> {t("approval_center.lapse.left", { text })}
    </Typography.Text>
  );
}
