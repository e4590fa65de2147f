import { Card, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { yuanText } from "../money.tsx";
import type { Amount, FigureKey, Figures, ReportScope } from "./types.ts";

interface Tile {
  key: string;
  title: string;
  value: string;
  suffix?: string;
  note?: { testId: string; text: string };
}

/** 环比 as the database computed it: "+12.5%", "-3%", or "—" when there is nothing to compare with. */
function changeText(pct: Amount | null | undefined): string {
  if (pct === null || pct === undefined) return "—";
  const n = Number(pct);
  return `${n > 0 ? "+" : ""}${n}%`;
}

/**
 * A period's figures as tiles: 来访 (首访/复访), 来电, 新增客户, 预留, 认购, 签约, 收款. Finance sees
 * the money tiles only. Each number carries a test id `<prefix>-<figure>`; with `change` (环比,
 * in percent) each tile also says how it moved, test id `<prefix>-mom-<figure>`.
 */
export function FigureStats({ figures, scope, testIdPrefix, change }: {
  figures: Figures;
  scope: ReportScope | null;
  testIdPrefix: string;
  change?: Partial<Record<FigureKey, Amount | null>>;
}) {
  const { t } = useTranslation();
  const n = (v: unknown) => (v === null || v === undefined ? "—" : String(v));
  const activity: Tile[] =
    scope === "finance"
      ? []
      : [
          {
            key: "visits",
            title: t("reports.figures.visits"),
            value: n(figures.visits),
            suffix: t("reports.units.groups"),
            note: { testId: "first_visits", text: t("salesDashboard.firstReturn", { first: n(figures.first_visits), return: n(figures.return_visits) }) },
          },
          { key: "calls", title: t("reports.figures.calls"), value: n(figures.calls), suffix: t("reports.units.calls") },
          { key: "new_customers", title: t("reports.figures.new_customers"), value: n(figures.new_customers), suffix: t("reports.units.people") },
          { key: "holds", title: t("reports.figures.holds"), value: n(figures.holds), suffix: t("reports.units.sets") },
        ];
  const money: Tile[] = [
    {
      key: "subscriptions",
      title: t("reports.figures.subscriptions"),
      value: n(figures.subscriptions),
      suffix: t("reports.units.sets"),
      note: { testId: "subscription_amount", text: yuanText(figures.subscription_amount) },
    },
    {
      key: "contracts",
      title: t("reports.figures.contracts"),
      value: n(figures.contracts),
      suffix: t("reports.units.sets"),
      note: { testId: "contract_amount", text: yuanText(figures.contract_amount) },
    },
    { key: "collections", title: t("reports.figures.collections"), value: yuanText(figures.collections) },
  ];
  const tiles = [...activity, ...money];
  return (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(108px, 1fr))", gap: 12 }}>
      {tiles.map((tile) => (
        <Card key={tile.key} size="small" styles={{ body: { padding: "10px 14px" } }} style={tile.key === "collections" ? { gridColumn: "span 2" } : undefined}>
          <Statistic
            title={tile.title}
            value={tile.value}
            suffix={tile.suffix}
            valueStyle={{ fontSize: tile.key === "collections" ? 20 : 24 }}
            formatter={(v) => <span data-testid={`${testIdPrefix}-${tile.key}`}>{v}</span>}
          />
          {tile.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }} data-testid={`${testIdPrefix}-${tile.note.testId}`}>
              {tile.note.text}
            </Typography.Text>
          )}
          {change && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }} data-testid={`${testIdPrefix}-mom-${tile.key}`}>
                {t("reports.mom", { change: changeText(change[tile.key as FigureKey]) })}
              </Typography.Text>
            </div>
          )}
        </Card>
      ))}
    </div>
  );
}
