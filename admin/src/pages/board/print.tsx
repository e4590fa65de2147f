import { PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Spin } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { BoardLegend } from "../../components/inventory/board-legend.tsx";
import { boardStats } from "../../components/inventory/board-stats.ts";
import { BuildingBoard } from "../../components/inventory/building-board.tsx";
import { unitsByBuilding } from "../../components/inventory/units-by-building.ts";
import { useSalesBoard } from "../../components/inventory/use-sales-board.ts";
import "./print.css";

/** The sheet: A3 landscape, colours kept. Only while this view is open. */
const PAGE_CSS = "@page { size: A3 landscape; margin: 8mm; }";

/**
 * 销控表打印: the whole project on one sheet as it hangs on the sales-office wall — project name,
 * date, legend with counts and 去化率, every building — without the admin's menus and header
 * (the view is drawn over the app, which is hidden while it is open).
 */
export default function BoardPrintPage() {
  const { t } = useTranslation();
  const { board, query } = useSalesBoard({ live: false });
  const byBuilding = useMemo(() => unitsByBuilding(board?.units ?? []), [board]);
  const stats = useMemo(() => boardStats(board?.units ?? []), [board]);

  useEffect(() => {
    document.body.classList.add("so-print-mode");
    return () => document.body.classList.remove("so-print-mode");
  }, []);

  return createPortal(
    <div className="so-print" data-testid="board-print" data-ready={board ? true : undefined}>
      <style>{PAGE_CSS}</style>
      <Space className="so-print-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!board}>
          {t("board.printNow")}
        </Button>
        <Button href="/board">{t("board.backToBoard")}</Button>
        <span className="so-print-hint">{t("board.printHint")}</span>
      </Space>
      {query.isError && <Alert type="error" showIcon message={t("board.loadFailed")} description={query.error?.message} />}
      {!board && !query.isError && <Spin style={{ display: "block", margin: "48px auto" }} />}
      {board && (
        <>
          <header className="so-print-head">
            <div>
              <div className="so-print-project" data-testid="print-project">{board.project?.name}</div>
              <div className="so-print-title">{t("board.printTitle")}</div>
            </div>
            <div className="so-print-meta">
              <BoardLegend stats={stats} />
              <div className="so-print-date" data-testid="print-date">
                {t("board.printDate", { date: dayjs(board.at).format(t("board.printDateFormat")) })}
              </div>
            </div>
          </header>
          <div className="so-print-buildings">
            {board.buildings.map((b) => (
              <BuildingBoard key={b.id} building={b} units={byBuilding.get(b.id) ?? []} />
            ))}
          </div>
        </>
      )}
    </div>,
    document.body,
  );
}
