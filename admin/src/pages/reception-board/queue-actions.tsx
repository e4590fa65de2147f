import { App, Button, Popconfirm, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import type { BoardRow } from "./use-board.ts";

/**
 * 忙碌/空闲 and 签退 for one consultant on the board: their own row, or any row for a manager
 * (the database's reception_target decides the same). `self` omits p_staff_id.
 */
export function QueueActions({ row, self }: { row: BoardRow; self: boolean }) {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const setBusy = useProjectRpc("reception_set_busy");
  const checkOut = useProjectRpc("reception_check_out");
  const staff = self ? {} : { p_staff_id: row.staff_id };
  const fail = (error: { message: string }) => toast.error(error.message);
  return (
    <Space>
      <Button
        size="small"
        loading={setBusy.pending}
        onClick={() => setBusy.call({ p_busy: !row.busy, ...staff }).catch(fail)}
        data-testid={`busy-${row.staff_id}`}
      >
        {row.busy ? t("reception_board.actions.free") : t("reception_board.actions.busy")}
      </Button>
      <Popconfirm
        title={t("reception_board.actions.checkOutConfirm", { name: row.staff_name })}
        onConfirm={() => checkOut.call(staff).catch(fail)}
      >
        <Button size="small" danger loading={checkOut.pending}>
          {t("reception_board.actions.checkOut")}
        </Button>
      </Popconfirm>
    </Space>
  );
}
