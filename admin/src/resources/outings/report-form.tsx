import { Alert, App, AutoComplete, DatePicker, Form, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { CustomerPicker } from "../../components/customers/customer-picker.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";

interface Values {
  customer: string;
  destination: string;
  out: Dayjs;
  back: Dayjs;
}

/** 登记外出: which customer, where, leaving when (not in the past), back when → report_outing. */
export function ReportOutingForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const report = useRpc("report_outing");
  const f = (k: string) => t(`outings.fields.${k}`);
  const places = ["样板房", "工地", "其他楼盘"].map((value) => ({ value }));
  const save = (v: Values) =>
    report
      .call({ p_customer_id: v.customer, p_destination: v.destination, p_planned_out_at: v.out.toISOString(), p_expected_back_at: v.back.toISOString() })
      .then(() => {
        message.success(t("outings.saved"));
        onClose();
      })
      .catch(() => undefined);
  return (
    <Modal open title={t("outings.titles.create")} onCancel={onClose} onOk={() => form.submit()} confirmLoading={report.pending}>
      {report.error && <Alert type="error" showIcon message={report.error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ out: dayjs(), back: dayjs().add(2, "hour") }}>
        <Form.Item name="customer" label={f("customer")} rules={[{ required: true, message: t("outings.required.customer") }]}>
          <CustomerPicker />
        </Form.Item>
        <Form.Item name="destination" label={f("destination")} rules={[{ required: true, whitespace: true, message: t("outings.required.destination") }]}>
          <AutoComplete options={places} maxLength={100} placeholder={t("outings.destinationHint")} data-testid="outing-destination" />
        </Form.Item>
        <Form.Item name="out" label={f("planned_out_at")} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="back" label={f("expected_back_at")} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
