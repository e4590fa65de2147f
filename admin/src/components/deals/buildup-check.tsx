import type { HttpError } from "@refinedev/core";
import type { PriceBuildup } from "@so/shared/money";
import { Alert, Space, Spin, Typography } from "antd";
import { CheckCircleFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { BuildupTable } from "./buildup-table.tsx";
import { sameBuildup } from "./pricing.ts";

/**
 * The live build-up (computed as the user types) and the database's confirmation of it: ✓ when
 * price_buildup() agrees, the database's figures when it does not, its message when it refuses.
 */
export function BuildupCheck({
  local,
  db,
  error,
  checking,
}: {
  local: PriceBuildup | null;
  db: PriceBuildup | null;
  error: HttpError | null;
  checking: boolean;
}) {
  const { t } = useTranslation();
  const agreed = sameBuildup(local, db);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {(db ?? local) && <BuildupTable buildup={(agreed || !db ? local : db) ?? db!} />}
      <div data-testid="buildup-check">
        {checking ? (
          <Typography.Text type="secondary">
            <Spin size="small" /> {t("deals.buildup.checking")}
          </Typography.Text>
        ) : error ? (
          <Alert type="error" showIcon message={error.message} />
        ) : agreed ? (
          <Typography.Text type="success">
            <CheckCircleFilled /> {t("deals.buildup.confirmed")}
          </Typography.Text>
        ) : db ? (
          <Alert type="warning" showIcon message={t("deals.buildup.dbDiffers")} />
        ) : null}
      </div>
    </Space>
  );
}
