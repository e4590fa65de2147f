import { UNIT_STATUSES } from "@so/shared/enums";
import { Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Money } from "../money.tsx";
import type { StockRow } from "./types.ts";

const COUNTS = ["total", ...UNIT_STATUSES, "unsold"] as const;

/** 剩余房源 by building and layout: every status, units and value left. */
export function StockTable({ rows }: { rows: StockRow[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<StockRow> = [
    { key: "building", title: t("reports.stock.building"), dataIndex: "building_name", onCell: (r, i) => ({ rowSpan: spanOf(rows, i ?? 0) }) },
    { key: "layout", title: t("reports.stock.layout"), dataIndex: "layout" },
    ...COUNTS.map((k) => ({ key: k, title: t(`reports.stock.${k}`), dataIndex: k, align: "right" as const })),
    { key: "amount", title: t("reports.stock.unsold_amount"), align: "right", render: (_, r) => <Money value={r.unsold_amount} wan /> },
  ];
  return (
    <Table<StockRow>
      data-testid="stock-table"
      size="small"
      bordered
      pagination={false}
      rowKey={(r) => `${r.building_id}-${r.layout}`}
      dataSource={rows}
      columns={columns}
      scroll={{ x: "max-content" }}
    />
  );
}

/** The building cell spans its layouts (rows arrive ordered by building). */
function spanOf(rows: StockRow[], index: number): number {
  const row = rows[index];
  if (index > 0 && rows[index - 1].building_id === row.building_id) return 0;
  let span = 1;
  while (rows[index + span]?.building_id === row.building_id) span++;
  return span;
}
