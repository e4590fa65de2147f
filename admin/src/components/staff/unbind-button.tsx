import { useCustomMutation, type HttpError } from "@refinedev/core";
import { App, Button, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";

/** 解绑 Telegram (unbind_telegram): the bot stops serving this person with their next message. */
export function UnbindButton({ staffId, onDone }: { staffId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { mutate, mutation } = useCustomMutation();
  return (
    <Popconfirm
      title={t("telegram_binding.unbindConfirm")}
      okText={t("telegram_binding.unbind")}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        mutate(
          { url: "rpc/unbind_telegram", method: "post", values: { p_staff_id: staffId }, successNotification: false, errorNotification: false },
          {
            onSuccess: () => {
              void message.success(t("telegram_binding.unbound"));
              onDone();
            },
            onError: (error: HttpError) => void message.error(error.message),
          },
        )
      }
    >
      <Button danger loading={mutation.isPending} data-testid="unbind-telegram">
        {t("telegram_binding.unbind")}
      </Button>
    </Popconfirm>
  );
}
