import { HomeOutlined } from "@ant-design/icons";
import { ThemedTitle, type RefineLayoutThemedTitleProps } from "@refinedev/antd";
import { useTranslation } from "react-i18next";

/** The sider's title: 销售案场 with a house. */
export function AppTitle(props: RefineLayoutThemedTitleProps) {
  const { t } = useTranslation();
  return <ThemedTitle {...props} text={t("app.title")} icon={<HomeOutlined />} />;
}
