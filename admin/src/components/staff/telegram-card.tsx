import { Card, Descriptions, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { BindCodePanel } from "./bind-code-panel.tsx";
import { UnbindButton } from "./unbind-button.tsx";

/** Telegram 绑定 of one person: bound to which Telegram user, unbind; or a one-time code to bind. */
export function TelegramCard({
  staffId,
  telegramUserId,
  active,
  onChange,
  intro,
  self = false,
}: {
  staffId: string;
  telegramUserId: number | null;
  active: boolean;
  onChange: () => void;
  /** A line above the status (the self-service page explains what binding is for). */
  intro?: string;
  /** The signed-in person's own card: only then can a binding code be made (the database allows nothing else). */
  self?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t("telegram_binding.title")} size="small" data-testid="telegram-card">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {intro && <Typography.Text type="secondary">{intro}</Typography.Text>}
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t("telegram_binding.status")}>
            {telegramUserId ? (
              <Space>
                <Tag color="success" data-testid="telegram-bound">
                  {t("telegram_binding.bound", { id: telegramUserId })}
                </Tag>
                <UnbindButton staffId={staffId} onDone={onChange} />
              </Space>
            ) : (
              <Tag data-testid="telegram-unbound">{t("telegram_binding.notBound")}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
        {!active ? (
          <Tag>{t("telegram_binding.inactive")}</Tag>
        ) : self ? (
          <BindCodePanel onBound={onChange} />
        ) : (
          <Typography.Text type="secondary" data-testid="bind-code-self-only">
            {t("telegram_binding.selfOnly")}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
