import { Card, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";

/** One section of the monthly report: a card that keeps together on a printed page. */
export function Section({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card title={title} extra={extra} size="small" className="report-print-section" data-testid={testId}>
      {children}
    </Card>
  );
}

/** A compact table for a section (no paging; a bold total row when given). */
export function SectionTable<T extends object>({
  rows,
  columns,
  rowKey,
  total,
  testId,
}: {
  rows: T[];
  columns: ColumnsType<T>;
  rowKey: (row: T) => string;
  total?: ReactNode[];
  testId?: string;
}) {
  return (
    <Table<T>
      data-testid={testId}
      size="small"
      bordered
      pagination={false}
      rowKey={rowKey}
      dataSource={rows}
      columns={columns}
      scroll={{ x: "max-content" }}
      summary={
        total
          ? () => (
              <Table.Summary.Row>
                {total.map((cell, i) => (
                  <Table.Summary.Cell key={i} index={i} align={i === 0 ? "left" : "right"}>
                    <Typography.Text strong>{cell}</Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )
          : undefined
      }
    />
  );
}
