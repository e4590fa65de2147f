import { Space, Typography } from "antd";
import type { ReactNode } from "react";

/**
 * A table cell of two lines: the thing itself, and under it in grey what tells it apart (left
 * out when there is none). `strong` sets the first line in bold; `nowrap` keeps each line whole.
 */
export function TwoLines({ main, sub, strong, nowrap }: { main: ReactNode; sub?: ReactNode; strong?: boolean; nowrap?: boolean }) {
  const style = nowrap ? { whiteSpace: "nowrap" as const } : undefined;
  return (
    <Space direction="vertical" size={0}>
      {strong ? <Typography.Text strong>{main}</Typography.Text> : <span style={style}>{main}</span>}
      {sub !== null && sub !== undefined && sub !== "" && sub !== false && (
        <Typography.Text type="secondary" style={style}>
          {sub}
        </Typography.Text>
      )}
    </Space>
  );
}
