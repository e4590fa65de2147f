import { FileExcelOutlined, FileTextOutlined } from "@ant-design/icons";
import { App, Button, Card, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { useSalesBoard } from "../../components/inventory/use-sales-board.ts";
import { exportPriceList, type SheetFormat } from "./write-sheet.ts";

/** 导出价目表: the project's units as they are now, in the template's columns — it imports back. */
export function ExportCard({ board, query }: ReturnType<typeof useSalesBoard>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<SheetFormat | null>(null);

  const run = async (format: SheetFormat) => {
    setBusy(format);
    try {
      const fresh = await query.refetch();
      const latest = fresh.data?.data as typeof board;
      if (!latest) throw new Error(fresh.error?.message ?? t("board.loadFailed"));
      const stem = t("price_list.export.fileName", { code: latest.project?.code ?? "", at: dayjs().format("YYYYMMDD-HHmm") });
      await exportPriceList(latest.units, format, stem);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t("price_list.export.title")} data-testid="price-list-export">
      <Space direction="vertical">
        <Typography.Text type="secondary">
          {board ? t("price_list.export.summary", { units: board.units.length, buildings: board.buildings.length }) : t("pages.loading")}
        </Typography.Text>
        <Space>
          <Button icon={<FileExcelOutlined />} loading={busy === "xlsx"} disabled={!board?.units.length} onClick={() => void run("xlsx")}>
            {t("price_list.export.xlsx")}
          </Button>
          <Button icon={<FileTextOutlined />} loading={busy === "csv"} disabled={!board?.units.length} onClick={() => void run("csv")}>
            {t("price_list.export.csv")}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
