import { useCustomMutation, type HttpError } from "@refinedev/core";
import { Alert, App, Button, Form, Input, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUnitActions } from "../../components/inventory/use-unit-actions.ts";
import type { BoardUnit } from "../../components/inventory/use-sales-board.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { CustomerPicker } from "../../components/customers/customer-picker.tsx";

type Step = "hold" | "withhold" | null;

/**
 * What the signed-in person may do with the unit: 预留 for a customer, 释放, 销控 with a reason,
 * 解除销控. Every action is a database function; its refusal is shown here, in its own words.
 * An open form stays open when the board refreshes under it, so a unit taken meanwhile is
 * answered by the database ("已被锁定") rather than vanishing from under the user.
 */
/** The unit as the database last judged it: its effective status (a hold runs out unseen) and last change. */
export const unitVersion = (unit: Pick<BoardUnit, "status" | "updated_at">) => `${unit.status}@${unit.updated_at}`;

export function UnitActions({ unit, holdMinutes, onChanged }: { unit: BoardUnit; holdMinutes?: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useCurrentProject();
  const may = useUnitActions(unit.id, unitVersion(unit));
  const [step, setStep] = useState<Step>(null);
  const [customerId, setCustomerId] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const { mutate, mutation } = useCustomMutation();
  const busy = mutation.isPending;

  const call = (fn: string, values: Record<string, unknown>, done: string) => {
    setError(null);
    mutate(
      { url: `rpc/${fn}`, method: "post", values, errorNotification: false, successNotification: false },
      {
        onSuccess: () => {
          void message.success(done);
          setStep(null);
          form.resetFields();
          onChanged();
        },
        onError: (e: HttpError) => {
          setError(e.message);
          onChanged();
        },
      },
    );
  };

  const { hold: canHold, release: canRelease, withhold: canWithhold, unwithhold: canUnwithhold } = may.allowed;
  if (!step && may.loading) return null;
  if (!step && !canHold && !canRelease && !canWithhold && !canUnwithhold) {
    const sold = unit.status === "subscribed" || unit.status === "signed";
    return <Typography.Text type="secondary">{t(sold ? "board.actions.sold" : "board.actions.none")}</Typography.Text>;
  }

  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="unit-actions">
      {error && <Alert type="error" showIcon message={error} data-testid="unit-action-error" />}

      {step === "hold" && project && (
        <Space direction="vertical" style={{ width: "100%" }} data-testid="hold-form">
          <Typography.Text>{t("board.actions.holdFor", { minutes: holdMinutes ?? 30 })}</Typography.Text>
          <CustomerPicker value={customerId} onChange={setCustomerId} />
          <Space>
            <Button
              type="primary"
              disabled={!customerId}
              loading={busy}
              onClick={() => call("hold_unit", { p_unit_id: unit.id, p_customer_id: customerId }, t("board.actions.held"))}
            >
              {t("board.actions.confirmHold")}
            </Button>
            <Button onClick={() => setStep(null)}>{t("buttons.cancel")}</Button>
          </Space>
        </Space>
      )}

      {step === "withhold" && (
        <Form
          form={form}
          layout="vertical"
          data-testid="withhold-form"
          onFinish={({ reason }) => call("withhold_unit", { p_unit_id: unit.id, p_reason: reason }, t("board.actions.withheld"))}
        >
          <Form.Item name="reason" label={t("board.actions.reason")} rules={[{ required: true, whitespace: true, message: t("board.actions.reasonRequired") }, { max: 200 }]}>
            <Input.TextArea rows={2} placeholder={t("board.actions.reasonPlaceholder")} />
          </Form.Item>
          <Space>
            <Button type="primary" danger htmlType="submit" loading={busy}>
              {t("board.actions.confirmWithhold")}
            </Button>
            <Button onClick={() => setStep(null)}>{t("buttons.cancel")}</Button>
          </Space>
        </Form>
      )}

      {!step && (
        <Space wrap>
          {canHold && (
            <Button type="primary" onClick={() => { setError(null); setStep("hold"); }}>
              {t("board.actions.hold")}
            </Button>
          )}
          {canRelease && (
            <Popconfirm
              title={t("board.actions.releaseConfirm")}
              okText={t("board.actions.release")}
              cancelText={t("buttons.cancel")}
              onConfirm={() => call("release_unit", { p_unit_id: unit.id }, t("board.actions.released"))}
            >
              <Button loading={busy}>{t("board.actions.release")}</Button>
            </Popconfirm>
          )}
          {canWithhold && (
            <Button danger onClick={() => { setError(null); setStep("withhold"); }}>
              {t("board.actions.withhold")}
            </Button>
          )}
          {canUnwithhold && (
            <Popconfirm
              title={t("board.actions.unwithholdConfirm")}
              okText={t("board.actions.unwithhold")}
              cancelText={t("buttons.cancel")}
              onConfirm={() => call("unwithhold_unit", { p_unit_id: unit.id }, t("board.actions.unwithheld"))}
            >
              <Button loading={busy}>{t("board.actions.unwithhold")}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Space>
  );
}
