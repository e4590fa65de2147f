import { Table, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { dec, yuanText } from "../../components/money.tsx";
import { FIGURE_KEYS, MONEY_FIGURES, type FigureKey, type Figures } from "../../components/reports/types.ts";

interface Row {
  key: "this" | "last" | "change";
  label: string;
  cells: Record<FigureKey, ReactNode>;
}

const show = (key: FigureKey, v: unknown) => (v === null || v === undefined ? "—" : MONEY_FIGURES.includes(key) ? yuanText(v) : String(v));

function change(key: FigureKey, now: unknown, before: unknown): ReactNode {
  if (now === null || now === undefined || before === null || before === undefined) return "—";
  const d = dec(now).minus(dec(before));
  if (d.isZero()) return <Typography.Text type="secondary">0</Typography.Text>;
  const text = MONEY_FIGURES.includes(key) ? yuanText(d.abs()) : d.abs().toString();
  return <Typography.Text type={d.isNeg() ? "danger" : "success"}>{`${d.isNeg() ? "↓" : "↑"}${text}`}</Typography.Text>;
}

/** 本周 against 上周 and the change (exact for amounts), one column per figure. */
export function WeekCompare({ office, previous }: { office: Figures; previous: Figures | null }) {
  const { t } = useTranslation();
  const cells = (f: (k: FigureKey) => ReactNode) => Object.fromEntries(FIGURE_KEYS.map((k) => [k, f(k)])) as Record<FigureKey, ReactNode>;
  const rows: Row[] = [
    { key: "this", label: t("weekly_minutes.thisWeek"), cells: cells((k) => <Typography.Text strong>{show(k, office[k])}</Typography.Text>) },
    { key: "last", label: t("weekly_minutes.lastWeek"), cells: cells((k) => show(k, previous?.[k])) },
    { key: "change", label: t("weekly_minutes.change"), cells: cells((k) => change(k, office[k], previous?.[k])) },
  ];
  return (
    <Table<Row>
      data-testid="week-compare"
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: "max-content" }}
      columns={[
        { key: "label", title: "", dataIndex: "label", fixed: "left" },
        ...FIGURE_KEYS.map((k) => ({ key: k, title: t(`reports.figures.${k}`), align: "right" as const, render: (_: unknown, r: Row) => r.cells[k] })),
      ]}
    />
  );
}
