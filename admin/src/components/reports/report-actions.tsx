import { FileExcelOutlined, PrinterOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import "./print.css";
import { downloadXlsx, type SheetSpec } from "./xlsx.ts";

/** 导出 Excel and 打印 for a report; hidden when printing. */
export function ReportActions({ filename, sheets, disabled }: { filename: string; sheets: () => SheetSpec[]; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadXlsx(filename, sheets());
    } catch (error) {
      message.error(t("reports.actions.exportFailed", { message: (error as Error).message }));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Space className="no-print">
      <Button icon={<FileExcelOutlined />} onClick={exportXlsx} loading={exporting} disabled={disabled} data-testid="report-export">
        {t("reports.actions.export")}
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={disabled}>
        {t("reports.actions.print")}
      </Button>
    </Space>
  );
}
