import { useOne } from "@refinedev/core";
import { Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { TelegramCard } from "../../components/staff/telegram-card.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";

/** 我的绑定码: the signed-in person makes their own binding code, or unbinds their Telegram account. */
export default function TelegramBindingPage() {
  const { t } = useTranslation();
  const { identity } = useCurrentProject();
  const { result: me, query } = useOne<{ id: string; telegram_user_id: number | null; active: boolean }>({
    resource: "staff",
    id: identity?.id ?? "",
    meta: { select: "id, telegram_user_id, active" },
    queryOptions: { enabled: Boolean(identity) },
  });
  return (
    <div style={{ maxWidth: 640 }}>
      {query.isLoading && <Skeleton active />}
      {me && (
        <TelegramCard
          staffId={me.id}
          telegramUserId={me.telegram_user_id}
          active={me.active}
          onChange={() => void query.refetch()}
          intro={t("telegram_binding.intro")}
          self
        />
      )}
    </div>
  );
}
