import { Flex, Spin } from "antd";
import { useTranslation } from "react-i18next";

/** While a lazy page's code or the session loads. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin tip={t("pages.loading")} size="large">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}
