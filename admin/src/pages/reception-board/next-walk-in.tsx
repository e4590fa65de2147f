import { Button, Form, Modal, Result, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PhoneInput } from "../../components/customers/phone-input.tsx";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";

/** What next_walk_in(_by_phone) answers. */
export interface Assignment {
  staff_id: string;
  staff_name: string;
  reason: "rotation" | "owner" | "owner_absent";
  turn_used: boolean;
  owner_name?: string | null;
  returning: boolean;
}

/**
 * 下一位接待: who receives the visitor at the door. With the visitor's phone a returning
 * customer goes to the owner (when on duty); otherwise the next consultant in turn.
 */
export function NextWalkInModal({ open, onClose, onAssigned }: { open: boolean; onClose: () => void; onAssigned: (a: Assignment) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone?: string }>();
  const next = useProjectRpc("next_walk_in_by_phone");
  const [assignment, setAssignment] = useState<Assignment | null>(null);
  const { reset } = next;
  useEffect(() => {
    // Each opening starts afresh: no previous answer or refusal.
    if (open) {
      setAssignment(null);
      reset();
    }
  }, [open, reset]);

  const submit = async ({ phone }: { phone?: string }) => {
    const result = await next.call({ p_phone: phone?.trim() || null }).catch(() => null);
    if (result) {
      setAssignment(result);
      onAssigned(result);
    }
  };

  return (
    <Modal
      title={t("reception_board.next.title")}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      footer={
        assignment
          ? [
              <Button key="close" type="primary" onClick={onClose}>
                {t("reception_board.next.done")}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t("buttons.cancel")}
              </Button>,
              <Button key="assign" type="primary" loading={next.pending} onClick={() => form.submit()} data-testid="next-walk-in-submit">
                {t("reception_board.next.assign")}
              </Button>,
            ]
      }
    >
      {assignment ? (
        <Result
          status="success"
          title={
            <Typography.Title level={2} style={{ margin: 0 }} data-testid="walk-in-assignee">
              {t("reception_board.next.assignee", { name: assignment.staff_name })}
            </Typography.Title>
          }
          subTitle={t(`reception_board.reasons.${assignment.reason}`, { owner: assignment.owner_name ?? "" })}
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <RpcError error={next.error} />
          <Form.Item name="phone" label={t("reception_board.next.phone")} extra={t("reception_board.next.phoneHelp")}>
            <PhoneInput placeholder={t("reception_board.next.phonePlaceholder")} autoFocus />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
