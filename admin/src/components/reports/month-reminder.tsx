import { useGo } from "@refinedev/core";
import { Alert, Button } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";

/** The monthly analysis is due by the 5th: a reminder on the first five days of every month. */
export function MonthlyReportReminder({ today = dayjs(), showLink = true }: { today?: dayjs.Dayjs; showLink?: boolean }) {
  const { t } = useTranslation();
  const go = useGo();
  if (today.date() > 5) return null;
  const month = today.subtract(1, "month");
  return (
    <Alert
      type="warning"
      showIcon
      className="no-print"
      data-testid="monthly-reminder"
      message={t("reports.reminder", { month: month.format(t("reports.formats.month")), due: today.date(5).format(t("reports.formats.day")) })}
      action={
        showLink ? (
          <Button size="small" type="primary" onClick={() => go({ to: `/reports/monthly?month=${month.format("YYYY-MM")}` })}>
            {t("reports.reminderAction")}
          </Button>
        ) : undefined
      }
    />
  );
}
