import { Bar, Column, Funnel, Pie } from "@ant-design/plots";

/**
 * The report charts (@ant-design/plots, G2). This module is only ever loaded through
 * `lazy-chart.tsx`, so the charting library stays out of the initial bundle.
 */
export type ChartSpec =
  | { kind: "funnel"; data: { stage: string; value: number }[] }
  | {
      kind: "column" | "bar";
      data: Record<string, string | number>[];
      x: string;
      y: string;
      series?: string;
      stack?: boolean;
      unit?: string;
      /** Colours of the series, in the order of their first appearance. */
      colors?: string[];
      /** Counts (units, visits): no fractional ticks. */
      integer?: boolean;
    }
  | { kind: "pie"; data: { label: string; value: number }[]; unit?: string };

const number = (v: unknown) => (typeof v === "number" ? v.toLocaleString("zh-CN") : String(v ?? ""));

export default function ReportChart({ spec, height = 260 }: { spec: ChartSpec; height?: number }) {
  if (spec.kind === "funnel") {
    return (
      <Funnel
        data={spec.data}
        xField="stage"
        yField="value"
        height={height}
        animate={false}
        legend={false}
        label={{ text: (d: { stage: string; value: number }) => `${d.stage} ${number(d.value)}`, position: "inside" }}
      />
    );
  }
  if (spec.kind === "pie") {
    return (
      <Pie
        data={spec.data}
        angleField="value"
        colorField="label"
        height={height}
        animate={false}
        innerRadius={0.55}
        label={{ text: (d: { label: string; value: number }) => `${d.label} ${number(d.value)}${spec.unit ?? ""}`, position: "outside" }}
        legend={{ color: { position: "right", rowPadding: 4 } }}
        tooltip={{ items: [{ field: "value", valueFormatter: (v: number) => `${number(v)}${spec.unit ?? ""}` }] }}
      />
    );
  }
  const config = {
    data: spec.data,
    xField: spec.x,
    yField: spec.y,
    height,
    animate: false,
    ...(spec.series ? { colorField: spec.series, stack: spec.stack ?? false, group: !spec.stack } : {}),
    ...(spec.colors ? { scale: { color: { range: spec.colors } } } : {}),
    label: spec.series && spec.stack ? undefined : { text: spec.y, formatter: (v: number) => number(v), position: spec.kind === "bar" ? "right" : "top" },
    axis: {
      y: { labelFormatter: (v: number) => (spec.integer && !Number.isInteger(v) ? "" : `${number(v)}${spec.unit ?? ""}`), labelAutoRotate: false },
      x: { labelAutoRotate: false },
    },
    legend: spec.series ? { color: { position: "top" } } : false,
    tooltip: { items: [{ field: spec.y, valueFormatter: (v: number) => `${number(v)}${spec.unit ?? ""}` }] },
  };
  return spec.kind === "bar" ? <Bar {...(config as object)} /> : <Column {...(config as object)} />;
}
