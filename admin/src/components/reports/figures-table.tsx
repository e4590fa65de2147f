import { Table, Typography } from "antd";
import type { HTMLAttributes } from "react";
import type { ColumnsType } from "antd/es/table";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Money } from "../money.tsx";
import { ACTIVITY_FIGURES, FIGURE_KEYS, MONEY_FIGURES, type FigureKey, type FigureRow, type Figures, type ReportScope } from "./types.ts";
import type { SheetColumn } from "./xlsx.ts";

/** The figures a scope shows: finance sees no activity figures. */
export const visibleFigures = (scope: ReportScope | null): FigureKey[] =>
  FIGURE_KEYS.filter((k) => scope !== "finance" || !ACTIVITY_FIGURES.includes(k));

/** A row's label: the seller's name, or 其他 for what no seller is credited with (other roles, nobody). */
export const rowName = (t: TFunction, row: Pick<FigureRow, "name" | "staff_id">) => row.name ?? t("reports.columns.unassigned");

function FigureCell({ k, value, strong }: { k: FigureKey; value: unknown; strong?: boolean }) {
  return (
    <span data-testid={`fig-${k}`}>
      {MONEY_FIGURES.includes(k) ? <Money value={value} strong={strong} /> : <Typography.Text strong={strong}>{value === null || value === undefined ? "—" : String(value)}</Typography.Text>}
    </span>
  );
}

/** The spreadsheet columns matching the table. */
export function figureSheetColumns(t: TFunction, scope: ReportScope | null, first: SheetColumn[]): SheetColumn[] {
  return [
    ...first,
    ...visibleFigures(scope).map((k) => ({ key: k, header: t(`reports.figures.${k}`), kind: MONEY_FIGURES.includes(k) ? ("money" as const) : ("count" as const) })),
  ];
}

interface Props {
  rows: FigureRow[];
  /** The office total, shown as the table's last row (none for a consultant's own view). */
  office: Figures | null;
  scope: ReportScope | null;
  testId: string;
  showRank?: boolean;
}

/** 日报/周报 per consultant: one row each, the office total at the bottom. */
export function FiguresTable({ rows, office, scope, testId, showRank }: Props) {
  const { t } = useTranslation();
  const figures = visibleFigures(scope);
  const columns: ColumnsType<FigureRow> = [
    ...(showRank ? [{ key: "rank", title: t("reports.columns.rank"), width: 60, render: (_: unknown, r: FigureRow) => r.rank ?? "" }] : []),
    {
      key: "name",
      title: t("reports.columns.consultant"),
      fixed: "left" as const,
      render: (_: unknown, r: FigureRow) => (r.staff_id ? r.name : <Typography.Text type="secondary">{rowName(t, r)}</Typography.Text>),
    },
    ...figures.map((k) => ({
      key: k,
      title: t(`reports.figures.${k}`),
      align: "right" as const,
      render: (_: unknown, r: FigureRow) => <FigureCell k={k} value={r[k]} />,
    })),
  ];
  return (
    <Table<FigureRow>
      data-testid={testId}
      rowKey={(r) => r.staff_id ?? "unassigned"}
      size="small"
      bordered
      pagination={false}
      scroll={{ x: "max-content" }}
      dataSource={rows}
      columns={columns}
      onRow={(r) => ({ "data-testid": `row-${rowName(t, r)}` }) as HTMLAttributes<HTMLElement>}
      summary={() =>
        office ? (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="row-office">
              {showRank && <Table.Summary.Cell index={0} />}
              <Table.Summary.Cell index={showRank ? 1 : 0}>
                <Typography.Text strong>{t("reports.columns.office")}</Typography.Text>
              </Table.Summary.Cell>
              {figures.map((k, i) => (
                <Table.Summary.Cell key={k} index={i + (showRank ? 2 : 1)} align="right">
                  <FigureCell k={k} value={office[k]} strong />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : undefined
      }
    />
  );
}
