import type { Locale, Translate } from "../../i18n/index.ts";
import { formatDateTime, formatLocal } from "../common/clock.ts";
import { maskedPhone } from "../common/format.ts";

export interface ReportDraft {
  customerName: string | null;
  phone: string | null;
  /** Office wall-clock time, `YYYY-MM-DDTHH:mm`. */
  visit: string | null;
}

export function reportCard(t: Translate, locale: Locale, d: ReportDraft, projectName: string): string {
  const dash = t("unknown");
  return [
    t("reports.card.title"),
    t("reports.card.customer", { value: d.customerName ?? dash }),
    t("reports.card.phone", { value: d.phone ?? dash }),
    t("reports.card.visit", { value: d.visit ? formatLocal(d.visit, locale) : dash }),
    t("reports.card.project", { value: projectName }),
  ].join("\n");
}

/** What submit_report and report_board say about a report. */
export interface Ruled {
  report_id?: string;
  status: "valid" | "invalid" | "pending" | "visited" | "expired";
  invalid_reason_text: string | null;
  lapses_at: string | null;
  protected_until: string | null;
}

/** 判客 result with its reason, as the broker reads it. */
export function rulingText(t: Translate, locale: Locale, r: Ruled): string {
  switch (r.status) {
    case "valid":
      return t("reports.ruled.valid", { until: r.lapses_at ? formatDateTime(r.lapses_at, locale) : t("unknown") });
    case "pending":
      return t("reports.ruled.pending");
    case "invalid":
      return t("reports.ruled.invalid", { reason: r.invalid_reason_text ?? t("unknown") });
    case "visited":
      return t("reports.ruled.visited", { until: r.protected_until ? formatDateTime(r.protected_until, locale) : t("unknown") });
    case "expired":
      return t("reports.ruled.expired");
  }
}

export interface BoardRow extends Ruled {
  customer_name: string;
  phone_input: string;
  expected_visit_at: string;
}

export function reportLine(t: Translate, locale: Locale, r: BoardRow): string {
  const head = `• ${r.customer_name} ${maskedPhone(r.phone_input)} · ${formatDateTime(r.expected_visit_at, locale)}`;
  const status =
    r.status === "invalid"
      ? `${t("reportStatus.invalid")}：${r.invalid_reason_text ?? ""}`
      : r.status === "visited" && r.protected_until
        ? `${t("reportStatus.visited")} · ${t("reports.protectedUntil", { until: formatDateTime(r.protected_until, locale) })}`
        : t(`reportStatus.${r.status}`);
  return `${head}\n  ${status}`;
}
