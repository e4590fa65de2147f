import { useCustomMutation, useInvalidate, type HttpError } from "@refinedev/core";
import { Alert, App, Descriptions, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ReportStatusTag } from "./report-status-tag.tsx";
import type { ReportRow, ReportRuling } from "./types.ts";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";

interface Values {
  full_phone: string;
  consultant_id?: string;
}

/** Which field a refusal of confirm_visit is about (its machine code → the form field). */
const FIELD_OF: Record<string, keyof Values> = {
  phone_mismatch: "full_phone",
  invalid_phone: "full_phone",
  consultant_required: "consultant_id",
  invalid_assignee: "consultant_id",
};

/**
 * 带看确认: the site types the customer's full phone; confirm_visit matches it against the
 * report, re-runs 判客, creates or links the customer and starts the broker's protection.
 * A refusal is shown on the field it concerns, in the database's words.
 */
export function ConfirmVisitModal({ report, open, onClose }: { report: ReportRow; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const invalidate = useInvalidate();
  const { withRole, loading: isLoading } = useProjectStaff(report.project_id);
  const consultants = withRole("consultant");
  const { mutate, mutation } = useCustomMutation<ReportRuling>();

  const submit = (values: Values) => {
    setRefusal(null);
    mutate(
      {
        url: "rpc/confirm_visit",
        method: "post",
        values: { p_report_id: report.id, p_full_phone: values.full_phone, p_consultant_id: values.consultant_id ?? null },
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: ({ data }) => {
          void invalidate({ resource: "report_board", invalidates: ["list", "detail"], id: report.id });
          form.resetFields();
          onClose();
          if (data.status === "visited") {
            notification.success({ message: t("report_board.confirm.done", { name: report.customer_name }) });
          } else {
            notification.warning({
              message: t("report_board.confirm.ruledInvalid"),
              description: data.invalid_reason_text ?? undefined,
              duration: 0,
            });
          }
        },
        onError: (error: HttpError) => {
          const field = FIELD_OF[String(error.details ?? "")];
          if (field) form.setFields([{ name: field, errors: [error.message] }]);
          else setRefusal(error.message);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t("report_board.confirm.title")}
      okText={t("report_board.confirm.submit")}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      onCancel={() => {
        setRefusal(null);
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("report_board.fields.customer_name")}>{report.customer_name}</Descriptions.Item>
        <Descriptions.Item label={t("report_board.fields.phone_input")}>{report.phone_input}</Descriptions.Item>
        <Descriptions.Item label={t("report_board.fields.broker")}>
          {report.broker_name}（{report.agency_name}）
        </Descriptions.Item>
        <Descriptions.Item label={t("report_board.fields.status")}>
          <ReportStatusTag status={report.status} />
        </Descriptions.Item>
      </Descriptions>
      {refusal && <Alert type="error" showIcon message={refusal} role="alert" data-testid="confirm-visit-error" style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setRefusal(null)}
        initialValues={{ consultant_id: report.consultant_id ?? undefined }}
      >
        <Form.Item
          name="full_phone"
          label={t("report_board.confirm.fullPhone")}
          extra={t("report_board.confirm.fullPhoneHelp")}
          rules={[{ required: true, message: t("report_board.confirm.fullPhoneRequired") }]}
        >
          <Input inputMode="tel" maxLength={20} placeholder="13812345678" autoComplete="off" />
        </Form.Item>
        <Form.Item name="consultant_id" label={t("report_board.confirm.consultant")} extra={t("report_board.confirm.consultantHelp")}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={isLoading}
            placeholder={t("report_board.confirm.consultantPlaceholder")}
            options={consultants.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
