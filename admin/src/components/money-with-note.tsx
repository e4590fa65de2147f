import { Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Money } from "./money.tsx";

/** A right-aligned table cell: an amount, and under it in grey what it is made of or owed. */
export function MoneyWithNote({ value, note, strong }: { value: unknown; note: ReactNode; strong?: boolean }) {
  return (
    <Space direction="vertical" size={0} align="end">
      <Money value={value} strong={strong} />
      <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
        {note}
      </Typography.Text>
    </Space>
  );
}
