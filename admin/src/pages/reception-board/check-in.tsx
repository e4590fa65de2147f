import { App, Button, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";

/**
 * 签到: a consultant checks themselves in; a manager checks in any consultant of the project
 * (not those already on the board). Refusals — e.g. a consultant in their first month — are
 * the database's words.
 */
export function CheckIn({ onBoard, self, manager }: { onBoard: Set<string>; self: string | null; manager: boolean }) {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { consultants } = useProjectStaff();
  const [staffId, setStaffId] = useState<string | undefined>();
  const checkIn = useProjectRpc("reception_check_in");
  const run = (values: { p_staff_id?: string }) =>
    checkIn.call(values).then(
      (r) => {
        toast.success(t("reception_board.actions.checkedIn", { name: r.staff_name, position: r.position }));
        setStaffId(undefined);
      },
      (error: { message: string }) => toast.error(error.message),
    );
  const off = consultants.filter((c) => c.active && !onBoard.has(c.id));
  return (
    <Space wrap>
      {self && !onBoard.has(self) && (
        <Button type="primary" loading={checkIn.pending && !staffId} onClick={() => run({})} data-testid="check-in-self">
          {t("reception_board.actions.checkInSelf")}
        </Button>
      )}
      {manager && (
        <Space.Compact>
          <Select
            style={{ width: 200 }}
            placeholder={t("reception_board.actions.pickConsultant")}
            aria-label={t("reception_board.actions.pickConsultant")}
            value={staffId}
            onChange={setStaffId}
            options={off.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="check-in-pick"
            showSearch
            optionFilterProp="label"
          />
          <Button disabled={!staffId} loading={checkIn.pending && Boolean(staffId)} onClick={() => staffId && run({ p_staff_id: staffId })} data-testid="check-in-other">
            {t("reception_board.actions.checkIn")}
          </Button>
        </Space.Compact>
      )}
    </Space>
  );
}
