import type { HttpError } from "@refinedev/core";
import { Alert } from "antd";

/** The database's refusal, shown where the user acted (inside the form or drawer). */
export function RpcError({ error, style }: { error: HttpError | null | undefined; style?: React.CSSProperties }) {
  if (!error) return null;
  return <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16, ...style }} data-testid="rpc-error" />;
}
