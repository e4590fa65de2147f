import { Button, DatePicker, Drawer, Form, Input, Radio, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { FOLLOW_UP_METHODS, logFollowUpInput } from "@so/shared/schemas/reception";
import { RpcError } from "../customers/rpc-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../customers/zod-form.ts";

interface Props {
  customer: { id: string; name: string } | null;
  onClose: () => void;
  onLogged?: () => void;
}

/**
 * 登记追访 (log_follow_up): method, content, the customer's objections (抗性), result and the
 * next follow-up date. The owner's follow-up keeps the ownership protected.
 */
export function FollowUpDrawer({ customer, onClose, onLogged }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const log = useRpc("log_follow_up");

  const submit = async (values: { p_method?: string; p_content?: string; p_objections?: string; p_result?: string; p_next_date?: Dayjs | null }) => {
    if (!customer) return;
    const parsed = parseWith(logFollowUpInput, form, {
      ...values,
      p_customer_id: customer.id,
      p_content: values.p_content ?? "",
      p_next_date: values.p_next_date ? values.p_next_date.format("YYYY-MM-DD") : null,
    });
    if (!parsed.ok) return;
    const done = await log.call(parsed.data).catch(() => null);
    if (done) {
      onLogged?.();
      onClose();
    }
  };

  return (
    <Drawer
      title={customer ? t("reception.followUp.title", { name: customer.name }) : ""}
      open={Boolean(customer)}
      onClose={onClose}
      width={560}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) log.reset();
      }}
      extra={
        <Space>
          <Button onClick={onClose}>{t("buttons.cancel")}</Button>
          <Button type="primary" loading={log.pending} onClick={() => form.submit()} data-testid="follow-up-submit">
            {t("buttons.save")}
          </Button>
        </Space>
      }
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ p_method: "phone" }} preserve={false} data-testid="follow-up-form">
        <RpcError error={log.error} />
        <Form.Item name="p_method" label={t("reception.followUp.method")} required>
          <Radio.Group optionType="button" buttonStyle="solid" options={FOLLOW_UP_METHODS.map((m) => ({ value: m, label: t(`reception.methods.${m}`) }))} />
        </Form.Item>
        <Form.Item name="p_content" label={t("reception.followUp.content")} required>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t("reception.followUp.contentPlaceholder")} />
        </Form.Item>
        <Form.Item name="p_objections" label={t("reception.followUp.objections")} extra={t("reception.followUp.objectionsHelp")}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="p_result" label={t("reception.followUp.result")}>
          <Input maxLength={500} placeholder={t("reception.followUp.resultPlaceholder")} />
        </Form.Item>
        <Form.Item name="p_next_date" label={t("reception.followUp.nextDate")}>
          <DatePicker
            style={{ width: "100%" }}
            disabledDate={(d) => d.isBefore(dayjs().startOf("day"))}
            presets={[
              { label: t("reception.followUp.inDays", { days: 1 }), value: dayjs().add(1, "day") },
              { label: t("reception.followUp.inDays", { days: 3 }), value: dayjs().add(3, "day") },
              { label: t("reception.followUp.inDays", { days: 7 }), value: dayjs().add(7, "day") },
            ]}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
