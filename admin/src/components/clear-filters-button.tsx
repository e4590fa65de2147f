import { Button, type FormInstance } from "antd";
import { useTranslation } from "react-i18next";

/** 清除: empties a filter form and searches again, so the list shows everything. */
export function ClearFiltersButton({ form }: { form: FormInstance | undefined }) {
  const { t } = useTranslation();
  return (
    <Button
      onClick={() => {
        form?.resetFields();
        form?.submit();
      }}
    >
      {t("buttons.clear")}
    </Button>
  );
}
