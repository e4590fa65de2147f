import type { HttpError } from "@refinedev/core";
import { Alert } from "antd";

/** The database's refusal, in its own words, where the user acted. */
export function DbError({ error, style }: { error: HttpError | null | undefined; style?: React.CSSProperties }) {
  if (!error) return null;
  return <Alert type="error" showIcon message={error.message} data-testid="db-error" style={{ marginBottom: 16, ...style }} />;
}
