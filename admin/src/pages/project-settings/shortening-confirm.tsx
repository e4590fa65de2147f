import { App, Descriptions, Typography } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** What preview_project_settings says a new protection period would do to the project's customers. */
export interface SettingsPreview {
  [key: string]: unknown;
  ownership_days_before: number;
  ownership_days_after: number;
  pool_warning_days: number;
  pooled_now: number;
  pooled_soon: number;
  shortened: number;
  extended: number;
  owners: number;
  needs_confirmation: boolean;
}

/**
 * The confirmation before the protection period is shortened: the database's counts (pooled at
 * once, within the warning period, shortened, owners affected) and the grace period they get.
 * Resolves true when the admin confirms.
 */
export function useShorteningConfirm() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return useCallback(
    (p: SettingsPreview) =>
      new Promise<boolean>((resolve) => {
        const grace = Math.max(p.pool_warning_days, 1);
        modal.confirm({
          title: t("settingsAudit.confirm.title", { from: p.ownership_days_before, to: p.ownership_days_after }),
          width: 520,
          okText: t("settingsAudit.confirm.ok"),
          cancelText: t("settingsAudit.confirm.cancel"),
          okButtonProps: { danger: true },
          content: (
            <div data-testid="shortening-preview">
              <Descriptions column={1} size="small" bordered style={{ margin: "12px 0" }}>
                <Descriptions.Item label={t("settingsAudit.confirm.shortened")}>
                  <span data-testid="preview-shortened">{p.shortened}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t("settingsAudit.confirm.pooledNow")}>
                  <span data-testid="preview-pooled-now">{p.pooled_now}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t("settingsAudit.confirm.pooledSoon", { days: p.pool_warning_days })}>
                  <span data-testid="preview-pooled-soon">{p.pooled_soon}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t("settingsAudit.confirm.owners")}>{p.owners}</Descriptions.Item>
              </Descriptions>
              <Typography.Text type="secondary">{t("settingsAudit.confirm.grace", { days: grace })}</Typography.Text>
            </div>
          ),
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal, t],
  );
}
