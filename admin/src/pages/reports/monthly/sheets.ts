import { UNIT_STATUSES } from "@so/shared/enums";
import type { TFunction } from "i18next";
import { figureSheetColumns, rowName } from "../../../components/reports/figures-table.tsx";
import { sumAmounts, sumCounts } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import type { SheetSpec } from "../../../components/reports/xlsx.ts";

const STOCK_COUNTS = ["total", ...UNIT_STATUSES, "unsold"] as const;
/** The discount sheet's lines, in order: each figure and the column it stands in. */
const DISCOUNT_ITEMS = {
  deals: "count",
  list_amount: "amount",
  deal_amount: "amount",
  discount_amount: "amount",
  policy_discount_amount: "amount",
  special_discount_amount: "amount",
  special_deals: "count",
  avg_discount_pct: "pct",
  avg_deal_discount_pct: "pct",
  max_discount_pct: "pct",
} as const satisfies Record<keyof MonthlyReport["discount"], "count" | "amount" | "pct">;
const SOURCE_COUNTS = ["new_customers", "first_visits", "return_visits", "visits", "subscriptions", "contracts"] as const;

/**
 * The monthly report as a workbook: one sheet per section, each with a title row, a header row,
 * the records and (where it adds up) a total row. Only what the database sent, in its order.
 */
export function monthlySheets(t: TFunction, r: MonthlyReport, projectName: string, monthLabel: string): SheetSpec[] {
  const title = (section: string) => `${projectName} ${monthLabel} ${t(`monthly_report.sections.${section}`)}`;
  const f = (k: string) => t(`monthly_report.fields.${k}`);
  const total = t("monthly_report.fields.total");
  /** A section told in parts, one sheet a part: the sheet's name and title. */
  const part = (section: string, sub: string) => ({
    name: `${t(`monthly_report.sections.${section}`)}-${t(`monthly_report.sections.${sub}`)}`,
    title: `${title(section)}（${t(`monthly_report.sections.${sub}`)}）`,
  });
  const sheets: SheetSpec[] = [];
  const s = r.summary;

  const summaryRows: Record<string, unknown>[] = [
    ...(r.scope === "all"
      ? [
          { item: t("reports.figures.visits"), count: s.visits },
          { item: t("reports.figures.first_visits"), count: s.first_visits },
          { item: t("reports.figures.return_visits"), count: s.return_visits },
          { item: f("visitCustomers"), count: s.visit_customers },
          { item: t("reports.figures.calls"), count: s.calls },
          { item: t("reports.figures.new_customers"), count: s.new_customers },
          { item: t("reports.figures.holds"), count: s.holds },
        ]
      : []),
    { item: t("monthly_report.funnel.subscriptions"), count: s.subscriptions, amount: s.subscription_amount },
    { item: t("monthly_report.funnel.contracts"), count: s.contracts, amount: s.contract_amount },
    { item: t("reports.figures.collections"), amount: s.collections },
    { item: t("monthly_report.collections.rate"), pct: r.collections.plan_pct },
    { item: f("cancellations"), count: s.cancellations },
    { item: f("changes"), count: s.changes },
    { item: f("avgDiscount"), pct: s.avg_discount_pct },
    { item: f("unsoldUnits"), count: s.unsold_units },
  ];
  /** A sheet of single figures, one a line, each in the column of its kind. */
  const itemSheet = (section: string, width: number, countHeader: string, rows: Record<string, unknown>[]) =>
    sheets.push({
      name: t(`monthly_report.sections.${section}`),
      title: title(section),
      columns: [
        { key: "item", header: f("stage"), kind: "text", width },
        { key: "count", header: countHeader, kind: "count" },
        { key: "amount", header: f("amount"), kind: "money" },
        { key: "pct", header: f("rate"), kind: "pct" },
      ],
      rows,
    });
  itemSheet("summary", 16, f("value"), summaryRows);

  if (r.sources) {
    const sources = r.sources;
    const rows = sources.map((x) => ({ ...x, source: t(`reports.sources.${x.source}`) }));
    sheets.push({
      name: t("monthly_report.fields.source"),
      title: title("sources"),
      columns: [
        { key: "source", header: f("source"), kind: "text" },
        ...(["new_customers", "first_visits", "return_visits", "visits", "subscriptions"] as const).map((k) => ({ key: k, header: t(`reports.figures.${k}`), kind: "count" as const })),
        { key: "subscription_amount", header: t("reports.figures.subscription_amount"), kind: "money" },
        { key: "contracts", header: t("reports.figures.contracts"), kind: "count" },
      ],
      rows,
      total: {
        source: total,
        ...Object.fromEntries(SOURCE_COUNTS.map((k) => [k, sumCounts(sources.map((x) => x[k]))])),
        subscription_amount: sumAmounts(sources.map((x) => x.subscription_amount)),
      },
    });
  }
  if (r.calls) {
    sheets.push({
      name: t("monthly_report.fields.topic"),
      title: title("calls"),
      columns: [
        { key: "topic", header: f("topic"), kind: "text" },
        { key: "calls", header: t("reports.figures.calls"), kind: "count" },
      ],
      rows: r.calls.by_topic.map((x) => ({ topic: t(`reports.topics.${x.topic}`), calls: x.calls })),
    });
  }
  if (r.funnel) {
    sheets.push({
      name: t("monthly_report.sections.funnel"),
      title: title("funnel"),
      columns: [
        { key: "stage", header: f("stage"), kind: "text", width: 18 },
        { key: "value", header: f("value"), kind: "count" },
        { key: "rate", header: f("rate"), kind: "pct" },
      ],
      rows: [
        { stage: t("monthly_report.funnel.visit_customers"), value: r.funnel.visit_customers },
        { stage: t("monthly_report.funnel.subscriptions"), value: r.funnel.subscriptions, rate: r.funnel.subscription_pct },
        { stage: t("monthly_report.funnel.contracts"), value: r.funnel.contracts, rate: r.funnel.contract_pct },
      ],
    });
  }

  const dealSheet = (section: string, label: string, rows: { label: string; count: number; amount: unknown; avg_unit_price?: unknown }[], withAvg: boolean) =>
    sheets.push({
      ...part("deals", section),
      columns: [
        { key: "label", header: label, kind: "text" },
        { key: "count", header: f("count"), kind: "count" },
        { key: "amount", header: f("amount"), kind: "money" },
        ...(withAvg ? [{ key: "avg_unit_price", header: f("avgUnitPrice"), kind: "money" as const }] : []),
      ],
      rows,
      total: { label: total, count: sumCounts(rows.map((x) => x.count)), amount: sumAmounts(rows.map((x) => x.amount)) },
    });
  dealSheet("dealsByLayout", f("layout"), r.deals.by_layout.map((x) => ({ ...x, label: x.layout })), true);
  dealSheet("dealsByBuilding", f("building"), r.deals.by_building.map((x) => ({ ...x, label: x.building_name })), true);
  dealSheet("dealsByPriceBand", f("priceBand"), r.deals.by_price_band.map((x) => ({ ...x, label: x.label })), false);

  const d = r.discount;
  itemSheet("discount", 22, f("count"), Object.entries(DISCOUNT_ITEMS).map(([k, kind]) => ({ item: t(`monthly_report.discount.${k}`), [kind]: d[k as keyof typeof DISCOUNT_ITEMS] })));

  sheets.push({
    name: t("monthly_report.sections.consultants"),
    title: title("consultants"),
    columns: figureSheetColumns(t, r.scope, [
      { key: "rank", header: t("reports.columns.rank"), kind: "count" },
      { key: "name", header: t("reports.columns.consultant"), kind: "text" },
    ]),
    rows: r.consultants.map((x) => ({ ...x, name: rowName(t, x) })),
    total: { ...s, rank: null, name: t("reports.columns.office") },
  });

  const stock = (k: string) => ({ key: k, header: t(`reports.stock.${k}`), kind: "count" as const });
  sheets.push({
    ...part("inventory", "inventoryByBuilding"),
    columns: [
      { key: "building_name", header: t("reports.stock.building"), kind: "text" },
      ...STOCK_COUNTS.map(stock),
      { key: "unsold_amount", header: t("reports.stock.unsold_amount"), kind: "money" },
      { key: "sold_pct", header: t("reports.stock.sold_pct"), kind: "pct" },
    ],
    rows: r.inventory.by_building,
    total: {
      building_name: total,
      ...Object.fromEntries(
        STOCK_COUNTS.map((k) => [k, sumCounts(r.inventory.by_building.map((x) => x[k]))]),
      ),
      unsold_amount: sumAmounts(r.inventory.by_building.map((x) => x.unsold_amount)),
    },
  });
  sheets.push({
    ...part("inventory", "inventoryByLayout"),
    columns: [
      { key: "layout", header: t("reports.stock.layout"), kind: "text" },
      stock("total"),
      stock("unsold"),
      { key: "unsold_amount", header: t("reports.stock.unsold_amount"), kind: "money" },
      { key: "sold_pct", header: t("reports.stock.sold_pct"), kind: "pct" },
    ],
    rows: r.inventory.by_layout,
  });

  const c = r.collections;
  const collectionSheet = (sub: string, key: "kind" | "method", rows: Record<string, unknown>[]) =>
    sheets.push({
      ...part("collections", sub),
      columns: [
        { key, header: f(key), kind: "text" },
        { key: "count", header: f("times"), kind: "count" },
        { key: "amount", header: f("amount"), kind: "money" },
      ],
      rows,
      total: { [key]: total, count: c.count, amount: c.total },
    });
  collectionSheet("collectionsByKind", "kind", c.by_kind.map((x) => ({ ...x, kind: t(`reports.paymentKinds.${x.kind}`) })));
  collectionSheet("collectionsByMethod", "method", c.by_method.map((x) => ({ ...x, method: t(`reports.paymentMethods.${x.method}`) })));

  if (r.channels) {
    sheets.push({
      name: t("monthly_report.sections.channels"),
      title: title("channels"),
      columns: [
        { key: "agency_name", header: f("agency"), kind: "text" },
        { key: "reports", header: f("reports"), kind: "count" },
        { key: "valid_reports", header: f("validReports"), kind: "count" },
        { key: "valid_pct", header: f("validPct"), kind: "pct" },
        { key: "visits", header: f("channelVisits"), kind: "count" },
        { key: "subscriptions", header: t("reports.figures.subscriptions"), kind: "count" },
        { key: "subscription_amount", header: t("reports.figures.subscription_amount"), kind: "money" },
        { key: "contracts", header: t("reports.figures.contracts"), kind: "count" },
        { key: "contract_amount", header: t("reports.figures.contract_amount"), kind: "money" },
        { key: "commission", header: f("commission"), kind: "money" },
      ],
      rows: r.channels,
    });
  }
  return sheets;
}

