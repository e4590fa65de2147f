import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { PRICE_LIST_COLUMNS, withHeaders, type PriceListKey } from "./columns.ts";
import type { SheetRow } from "./read-sheet.ts";

/** An error import_price_list reported, placed on its sheet line. */
export interface RowError {
  field: string | null;
  code: string;
  message: string;
}

export interface PreviewRow extends SheetRow {
  errors: RowError[];
}

/**
 * 预览: every row of the file with the database's verdict next to it — bad cells marked red and
 * every reason listed in the 问题 column.
 */
export function PreviewTable({ rows, onlyErrors }: { rows: PreviewRow[]; onlyErrors: boolean }) {
  const { t } = useTranslation();
  const shown = useMemo(() => (onlyErrors ? rows.filter((r) => r.errors.length) : rows), [rows, onlyErrors]);
  const columns: ColumnsType<PreviewRow> = [
    { title: t("price_list.preview.line"), dataIndex: "line", width: 64, fixed: "left" },
    ...PRICE_LIST_COLUMNS.map((c) => ({
      title: c.header,
      key: c.key,
      render: (_: unknown, row: PreviewRow) => row.values[c.key as PriceListKey] ?? "",
      onCell: (row: PreviewRow) => (row.errors.some((e) => e.field === c.key) ? { className: "so-price-bad-cell", "data-bad": c.key } : {}),
    })),
    {
      title: t("price_list.preview.problems"),
      key: "errors",
      width: 320,
      render: (_: unknown, row: PreviewRow) =>
        row.errors.length ? (
          <ul className="so-price-errors" data-testid="row-errors">
            {row.errors.map((e, i) => (
              <li key={i}>
                <Typography.Text type="danger">{withHeaders(e.message)}</Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="success">{t("price_list.preview.rowOk")}</Typography.Text>
        ),
    },
  ];
  return (
    <Table<PreviewRow>
      size="small"
      rowKey="line"
      columns={columns}
      dataSource={shown}
      scroll={{ x: "max-content" }}
      rowClassName={(row) => (row.errors.length ? "so-price-bad-row" : "")}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [50, 100, 500], hideOnSinglePage: true }}
      data-testid="price-list-preview"
      onRow={(row) => ({ "data-line": row.line, "data-has-errors": row.errors.length > 0 }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
