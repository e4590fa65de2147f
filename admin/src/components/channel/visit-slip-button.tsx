import { useGo } from "@refinedev/core";
import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";

/** Opens the printable 带看确认单 of a confirmed visit. */
export function VisitSlipButton({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const go = useGo();
  return (
    <Button size="small" icon={<PrinterOutlined />} onClick={() => go({ to: `/visit-slips/${reportId}` })} data-testid="visit-slip">
      {t("visit_slip.button")}
    </Button>
  );
}
