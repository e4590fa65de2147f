import { Alert, Form, Input, Modal, Radio, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ruleCollisionInput } from "@so/shared/schemas/customers";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../../components/customers/zod-form.ts";
import type { CollisionRow } from "./types.ts";

/** 裁定撞单 (rule_collision): keep the owner or transfer to the claimant, with a reason. */
export function RuleCollisionModal({ collision, onClose }: { collision: CollisionRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const rule = useRpc("rule_collision");
  const owner = collision?.owner?.name ?? "—";
  const claimant = collision?.claimant?.name ?? "—";

  const submit = async (values: { p_decision?: string; p_reason?: string }) => {
    if (!collision) return;
    const parsed = parseWith(ruleCollisionInput, form, { p_collision_id: collision.id, p_decision: values.p_decision, p_reason: values.p_reason ?? "" });
    if (!parsed.ok) return;
    const done = await rule.call(parsed.data).catch(() => null);
    if (done) onClose();
  };

  return (
    <Modal
      title={t("customer_collisions.rule.title")}
      open={Boolean(collision)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("customer_collisions.rule.submit")}
      okButtonProps={{ loading: rule.pending }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) rule.reset();
      }}
    >
      {collision && (
        <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} preserve={false} data-testid="rule-form">
          <RpcError error={rule.error} />
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            message={t("customer_collisions.rule.summary", {
              customer: collision.customer?.name ?? collision.claimant_name ?? "—",
              owner,
              claimant,
            })}
            description={collision.note}
          />
          <Form.Item name="p_decision" label={t("customer_collisions.fields.decision")} required>
            <Radio.Group>
              <Space direction="vertical">
                <Radio value="keep_owner">
                  {t("customer_collisions.decisions.keep_owner")} <Typography.Text type="secondary">（{owner}）</Typography.Text>
                </Radio>
                <Radio value="transfer">
                  {t("customer_collisions.decisions.transfer")} <Typography.Text type="secondary">（{claimant}）</Typography.Text>
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="p_reason" label={t("customer_collisions.fields.decision_reason")} required>
            <Input.TextArea rows={3} maxLength={500} placeholder={t("customer_collisions.rule.reasonPlaceholder")} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
