import { Grid, Table, type TableProps } from "antd";
import type { ColumnType } from "antd/es/table";
import { Children, isValidElement, type ReactNode } from "react";
import "./card-table.css";

type Column<T> = ColumnType<T> & { children?: unknown };

/** The columns of a table written with <Table.Column> children, as antd reads them. */
function columnsOf<T>(children: ReactNode): Column<T>[] {
  return Children.toArray(children)
    .filter(isValidElement)
    .map((el) => ({ key: el.key ?? undefined, ...(el.props as Column<T>) }));
}

/** A column title as plain text for the card's labels ("" for titles that are elements). */
const labelOf = (title: unknown): string => (typeof title === "string" || typeof title === "number" ? String(title) : "");

/**
 * antd's Table, which on phones (below the sm breakpoint, 576 px) shows each row as a card: one line
 * per column, its title as the label. Nothing scrolls sideways. A drop-in: same props, same
 * <Table.Column> children; wider screens get the table untouched.
 */
export function CardTable<T extends object>({ children, columns, className, scroll, ...props }: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  if (!phone) {
    return (
      <Table<T> {...props} columns={columns} className={className} scroll={scroll}>
        {children}
      </Table>
    );
  }
  const source = (columns as Column<T>[] | undefined) ?? columnsOf<T>(children);
  const cards = source.map((column) => {
    const own = column.onCell;
    const { width: _width, fixed: _fixed, ...rest } = column;
    return {
      ...rest,
      ellipsis: false,
      onCell: (record: T, index?: number) => ({ ...(own?.(record, index) ?? {}), "data-label": labelOf(column.title) }),
    } as ColumnType<T>;
  });
  return <Table<T> {...props} columns={cards} className={[className, "so-card-table"].filter(Boolean).join(" ")} />;
}
