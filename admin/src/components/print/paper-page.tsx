import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./paper.css";

/** A printable paper: back and print buttons (not printed), then the sheet itself. */
export function PaperPage({ onBack, children }: { onBack: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space className="no-print" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t("paper_page.back")}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-paper">
          {t("paper_page.print")}
        </Button>
      </Space>
      {children}
    </Space>
  );
}
