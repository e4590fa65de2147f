import { Result } from "antd";
import { useTranslation } from "react-i18next";

/** A record that does not exist — or that RLS does not let this person read (the API cannot tell them apart). */
export function NoRecord() {
  const { t } = useTranslation();
  return (
    <div data-testid="no-record">
      <Result status="404" title={t("errors.notFound")} />
    </div>
  );
}
