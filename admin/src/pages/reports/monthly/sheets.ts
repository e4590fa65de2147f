import type { TFunction } from "i18next";
import { figureSheetColumns, rowName } from "../../../components/reports/figures-table.tsx";
import { sumAmounts, sumCounts } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import type { SheetSpec } from "../../../components/reports/xlsx.ts";

/**
 * The monthly report as a workbook: one sheet per section, each with a title row, a header row,
 * the records and (where it adds up) a total row. Only what the database sent, in its order.
 */
export function monthlySheets(t: TFunction, r: MonthlyReport, projectName: string, monthLabel: string): SheetSpec[] {
  const title = (section: string) => `${projectName} ${monthLabel} ${t(`monthly_report.sections.${section}`)}`;
  const f = (k: string) => t(`monthly_report.fields.${k}`);
  const total = t("monthly_report.fields.total");
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
  sheets.push({
    name: t("monthly_report.sections.summary"),
    title: title("summary"),
    columns: [
      { key: "item", header: f("stage"), kind: "text", width: 16 },
      { key: "count", header: f("value"), kind: "count" },
      { key: "amount", header: f("amount"), kind: "money" },
      { key: "pct", header: f("rate"), kind: "pct" },
    ],
    rows: summaryRows,
  });

  if (r.sources) {
    const rows = r.sources.map((x) => ({ ...x, source: t(`reports.sources.${x.source}`) }));
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
        new_customers: sumCounts(r.sources.map((x) => x.new_customers)),
        first_visits: sumCounts(r.sources.map((x) => x.first_visits)),
        return_visits: sumCounts(r.sources.map((x) => x.return_visits)),
        visits: sumCounts(r.sources.map((x) => x.visits)),
        subscriptions: sumCounts(r.sources.map((x) => x.subscriptions)),
        subscription_amount: sumAmounts(r.sources.map((x) => x.subscription_amount)),
        contracts: sumCounts(r.sources.map((x) => x.contracts)),
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
      name: `${t("monthly_report.sections.deals")}-${t(`monthly_report.sections.${section}`)}`,
      title: `${title("deals")}（${t(`monthly_report.sections.${section}`)}）`,
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
  sheets.push({
    name: t("monthly_report.sections.discount"),
    title: title("discount"),
    columns: [
      { key: "item", header: f("stage"), kind: "text", width: 22 },
      { key: "count", header: f("count"), kind: "count" },
      { key: "amount", header: f("amount"), kind: "money" },
      { key: "pct", header: f("rate"), kind: "pct" },
    ],
    rows: [
      { item: t("monthly_report.discount.deals"), count: d.deals },
      { item: t("monthly_report.discount.list_amount"), amount: d.list_amount },
      { item: t("monthly_report.discount.deal_amount"), amount: d.deal_amount },
      { item: t("monthly_report.discount.discount_amount"), amount: d.discount_amount },
      { item: t("monthly_report.discount.policy_discount_amount"), amount: d.policy_discount_amount },
      { item: t("monthly_report.discount.special_discount_amount"), amount: d.special_discount_amount },
      { item: t("monthly_report.discount.special_deals"), count: d.special_deals },
      { item: t("monthly_report.discount.avg_discount_pct"), pct: d.avg_discount_pct },
      { item: t("monthly_report.discount.avg_deal_discount_pct"), pct: d.avg_deal_discount_pct },
      { item: t("monthly_report.discount.max_discount_pct"), pct: d.max_discount_pct },
    ],
  });

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
    name: `${t("monthly_report.sections.inventory")}-${t("monthly_report.sections.inventoryByBuilding")}`,
    title: `${title("inventory")}（${t("monthly_report.sections.inventoryByBuilding")}）`,
    columns: [
      { key: "building_name", header: t("reports.stock.building"), kind: "text" },
      ...["total", "available", "held", "subscribed", "signed", "withheld", "unsold"].map(stock),
      { key: "unsold_amount", header: t("reports.stock.unsold_amount"), kind: "money" },
      { key: "sold_pct", header: t("reports.stock.sold_pct"), kind: "pct" },
    ],
    rows: r.inventory.by_building,
    total: {
      building_name: total,
      ...Object.fromEntries(
        (["total", "available", "held", "subscribed", "signed", "withheld", "unsold"] as const).map((k) => [k, sumCounts(r.inventory.by_building.map((x) => x[k]))]),
      ),
      unsold_amount: sumAmounts(r.inventory.by_building.map((x) => x.unsold_amount)),
    },
  });
  sheets.push({
    name: `${t("monthly_report.sections.inventory")}-${t("monthly_report.sections.inventoryByLayout")}`,
    title: `${title("inventory")}（${t("monthly_report.sections.inventoryByLayout")}）`,
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
  sheets.push({
    name: `${t("monthly_report.sections.collections")}-${t("monthly_report.sections.collectionsByKind")}`,
    title: `${title("collections")}（${t("monthly_report.sections.collectionsByKind")}）`,
    columns: [
      { key: "kind", header: f("kind"), kind: "text" },
      { key: "count", header: f("times"), kind: "count" },
      { key: "amount", header: f("amount"), kind: "money" },
    ],
    rows: c.by_kind.map((x) => ({ ...x, kind: t(`reports.paymentKinds.${x.kind}`) })),
    total: { kind: total, count: c.count, amount: c.total },
  });
  sheets.push({
    name: `${t("monthly_report.sections.collections")}-${t("monthly_report.sections.collectionsByMethod")}`,
    title: `${title("collections")}（${t("monthly_report.sections.collectionsByMethod")}）`,
    columns: [
      { key: "method", header: f("method"), kind: "text" },
      { key: "count", header: f("times"), kind: "count" },
      { key: "amount", header: f("amount"), kind: "money" },
    ],
    rows: c.by_method.map((x) => ({ ...x, method: t(`reports.paymentMethods.${x.method}`) })),
    total: { method: total, count: c.count, amount: c.total },
  });

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

