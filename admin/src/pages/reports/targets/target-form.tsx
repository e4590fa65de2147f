import { App, Form, Input, InputNumber, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { RpcError } from "../../../components/customers/rpc-error.tsx";
import { dec, parseAmount } from "../../../components/money.tsx";
import { useProjectStaff } from "../../../hooks/use-project-staff.ts";
import { useProjectRpc } from "../../../hooks/use-project-rpc.ts";
import type { ProjectRpcArgs } from "../../../providers/rpc-types.ts";
import type { ProgressRow } from "./index.tsx";

interface Values {
  staff: string;
  subscriptions: number;
  subscription_amount: string;
  contract_amount: string;
  collections: string;
}

const PROJECT = "project";
const amountRule = (message: string) => ({
  validator: (_: unknown, v: string | undefined) => (!v || parseAmount(v) ? Promise.resolve() : Promise.reject(new Error(message))),
});

/** Sets one target of the month in the project in use: the project's (staffId null) or a salesperson's. */
export function TargetForm({ month, staffId, row, onClose }: { month: Dayjs; staffId: string | null; row?: ProgressRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useProjectRpc("set_sales_target");
  const { withRole } = useProjectStaff();
  const sales = [...withRole("consultant"), ...withRole("sales_manager")].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
  const amount = (v: unknown) => (v === null || v === undefined ? undefined : dec(v).toFixed(2));

  const submit = async (values: Values) => {
    // No staff member (p_staff_id null) sets the project's own target.
    const args: ProjectRpcArgs<"set_sales_target"> = {
      p_month: month.format("YYYY-MM-DD"),
      p_staff_id: values.staff === PROJECT ? null : values.staff,
      p_subscriptions: values.subscriptions,
      p_subscription_amount: parseAmount(values.subscription_amount)?.toFixed(2) ?? "",
      p_contract_amount: parseAmount(values.contract_amount)?.toFixed(2) ?? "0",
      p_collections: parseAmount(values.collections)?.toFixed(2) ?? "0",
    };
    const ok = await save.call(args).then(() => true, () => false);
    if (!ok) return;
    message.success(t("sales_targets.saved"));
    onClose();
  };

  return (
    <Modal
      open
      title={t("sales_targets.formTitle", { month: month.format("YYYY-MM") })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("sales_targets.save")}
      okButtonProps={{ loading: save.pending, ...{ "data-testid": "save-target" } }}
    >
      <RpcError error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          staff: staffId ?? PROJECT,
          subscriptions: row?.target_subscriptions ?? undefined,
          subscription_amount: amount(row?.target_subscription_amount),
          contract_amount: amount(row?.target_contract_amount),
          collections: amount(row?.target_collections),
        }}
      >
        <Form.Item name="staff" label={t("sales_targets.fields.who")}>
          <Select
            disabled={Boolean(row)}
            data-testid="target-staff"
            options={[{ value: PROJECT, label: t("sales_targets.project") }, ...sales.map((p) => ({ value: p.id, label: p.name }))]}
          />
        </Form.Item>
        <Form.Item name="subscriptions" label={t("sales_targets.fields.subscriptions")} rules={[{ required: true, message: t("sales_targets.required") }]}>
          <InputNumber min={0} precision={0} style={{ width: "100%" }} data-testid="target-subscriptions" />
        </Form.Item>
        <Form.Item name="subscription_amount" label={t("sales_targets.fields.subscription_amount")} rules={[{ required: true, message: t("sales_targets.required") }, amountRule(t("deals.money.invalid"))]}>
          <Input prefix="¥" data-testid="target-subscription-amount" />
        </Form.Item>
        <Form.Item name="contract_amount" label={t("sales_targets.fields.contract_amount")} rules={[amountRule(t("deals.money.invalid"))]}>
          <Input prefix="¥" />
        </Form.Item>
        <Form.Item name="collections" label={t("sales_targets.fields.collections")} rules={[amountRule(t("deals.money.invalid"))]}>
          <Input prefix="¥" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
