import type { HttpError } from "@refinedev/core";
import { Alert, Space, Spin, Typography } from "antd";
import { CheckCircleFilled } from "@ant-design/icons";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { BuildupTable } from "./buildup-table.tsx";
import type { DbBuildup } from "./pricing.ts";

/**
 * The build-up as the database's price_buildup() computes it for the form: its figures (the last
 * ones stay, dimmed, while the next answer is on its way), ✓ once they match the form, or its refusal.
 */
export function BuildupCheck({ buildup, error, checking }: { buildup: DbBuildup | null; error: HttpError | null; checking: boolean }) {
  const { t } = useTranslation();
  const last = useRef<DbBuildup | null>(null);
  if (buildup) last.current = buildup;
  if (error) last.current = null;
  const shown = buildup ?? last.current;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {shown && (
        <div style={{ opacity: buildup ? 1 : 0.5 }}>
          <BuildupTable buildup={shown} />
        </div>
      )}
      <div data-testid="buildup-check">
        {checking ? (
          <Typography.Text type="secondary">
            <Spin size="small" /> {t("deals.buildup.checking")}
          </Typography.Text>
        ) : error ? (
          <Alert type="error" showIcon message={error.message} />
        ) : buildup ? (
          <Typography.Text type="success">
            <CheckCircleFilled /> {t("deals.buildup.confirmed")}
          </Typography.Text>
        ) : null}
      </div>
    </Space>
  );
}
