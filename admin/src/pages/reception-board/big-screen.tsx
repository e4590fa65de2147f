import { FullscreenExitOutlined, UserAddOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import dayjs from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Assignment } from "./next-walk-in.tsx";
import { REFRESH_SECONDS, type BoardRow } from "./use-board.ts";

interface Props {
  projectName: string;
  rows: BoardRow[];
  nextId: string | null;
  updatedAt: number;
  lastAssignment: Assignment | null;
  onNext?: () => void;
  onExit: () => void;
}

const BG = "#0b1e33";
const CARD = "#13304f";
const GREEN = "#52c41a";
const ORANGE = "#fa8c16";

/**
 * 大屏: the rotation for the screen at the front desk — the whole viewport, no menu, type large
 * enough to read across the lobby, refreshed every few seconds. Esc leaves.
 */
export function BigScreen({ projectName, rows, nextId, updatedAt, lastAssignment, onNext, onExit }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onExit();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onExit]);
  const next = rows.find((r) => r.staff_id === nextId);

  return (
    <div
      data-testid="big-screen"
      style={{ position: "fixed", inset: 0, zIndex: 1000, background: BG, color: "#fff", padding: "32px 48px", overflow: "auto" }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 32 }}>
        <div>
          <div style={{ fontSize: 44, fontWeight: 700, letterSpacing: 4 }}>{t("reception_board.big.title")}</div>
          <div style={{ fontSize: 22, opacity: 0.75 }}>
            {projectName} · {dayjs().format(t("reception_board.big.dateFormat"))}
          </div>
        </div>
        <Space size="middle">
          {onNext && (
            <Button size="large" type="primary" icon={<UserAddOutlined />} onClick={onNext}>
              {t("reception_board.actions.next")}
            </Button>
          )}
          <Button size="large" ghost icon={<FullscreenExitOutlined />} onClick={onExit}>
            {t("reception_board.big.exit")}
          </Button>
        </Space>
      </div>

      <div style={{ background: next ? "#135200" : "#5c0011", borderRadius: 16, padding: "24px 40px", marginBottom: 32, fontSize: 48, fontWeight: 700 }}>
        {next ? t("reception_board.big.next", { name: next.staff_name }) : t("reception_board.big.nobody")}
        {lastAssignment && (
          <div style={{ fontSize: 24, fontWeight: 400, opacity: 0.85, marginTop: 8 }} data-testid="big-last-assignment">
            {t("reception_board.big.last", { name: lastAssignment.staff_name, reason: t(`reception_board.reasons.${lastAssignment.reason}`, { owner: lastAssignment.owner_name ?? "" }) })}
          </div>
        )}
      </div>

      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(420px, 1fr))", gap: 24 }}>
        {rows.map((r) => (
          <div
            key={r.staff_id}
            style={{
              background: CARD,
              borderRadius: 16,
              padding: "24px 32px",
              display: "flex",
              alignItems: "center",
              gap: 32,
              border: r.staff_id === nextId ? `4px solid ${GREEN}` : "4px solid transparent",
            }}
          >
            <div style={{ fontSize: 72, fontWeight: 800, width: 90, textAlign: "center", lineHeight: 1 }}>{r.position}</div>
            <div style={{ flex: 1 }}>
              <div style={{ fontSize: 52, fontWeight: 700, lineHeight: 1.2 }} data-testid="big-name">
                {r.staff_name}
              </div>
              <div style={{ fontSize: 24, opacity: 0.8 }}>{t("reception_board.big.turns", { count: r.turns })}</div>
            </div>
            <div style={{ fontSize: 32, fontWeight: 700, color: r.busy ? ORANGE : GREEN }}>
              {r.busy ? t("reception_board.states.busy") : t("reception_board.states.free")}
            </div>
          </div>
        ))}
      </div>
      {rows.length === 0 && <div style={{ fontSize: 36, opacity: 0.7, textAlign: "center", marginTop: 80 }}>{t("reception_board.empty")}</div>}

      <div style={{ position: "fixed", bottom: 16, right: 48, fontSize: 16, opacity: 0.6 }}>
        {t("reception_board.refresh", { seconds: REFRESH_SECONDS, time: dayjs(updatedAt).format("HH:mm:ss") })}
      </div>
    </div>
  );
}
