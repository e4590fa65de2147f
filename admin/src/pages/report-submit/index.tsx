import { useGo, useOne, type HttpError } from "@refinedev/core";
import { normalizeMaskedMobile, normalizeMobile } from "@so/shared/phone";
import { Alert, Button, Card, DatePicker, Form, Input, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportRuling } from "../../components/channel/types.ts";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { RulingResult } from "./ruling-result.tsx";

interface Values {
  customer_name: string;
  customer_phone: string;
  expected_visit: Dayjs;
  note?: string;
}

const FIELD_OF: Record<string, keyof Values> = {
  invalid_phone: "customer_phone",
  name_required: "customer_name",
  visit_too_far: "expected_visit",
  invalid_value: "expected_visit",
};

/**
 * 报备客户 (brokers): customer name, phone (full, or 138****5678), expected visit. submit_report
 * rules at once (判客) and the answer is shown here, with its reason.
 */
export default function ReportSubmitPage() {
  const { t } = useTranslation();
  const go = useGo();
  const { project } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const [submitted, setSubmitted] = useState<{ name: string; ruling: ReportRuling } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { result: settings } = useOne<{ id: string; report_lead_minutes: number }>({
    resource: "projects",
    id: project?.projectId ?? "",
    meta: { select: "id, report_lead_minutes" },
    queryOptions: { enabled: Boolean(project) },
  });
  const lead = settings?.report_lead_minutes ?? 60;
  const report = useProjectRpc("submit_report");

  const submit = (values: Values) => {
    setRefusal(null);
    report
      .call({
        p_customer_name: values.customer_name.trim(),
        p_customer_phone: values.customer_phone.trim(),
        p_expected_visit: values.expected_visit.toISOString(),
        p_note: values.note?.trim() || null,
      })
      .then(
        (ruling) => setSubmitted({ name: values.customer_name.trim(), ruling }),
        (error: HttpError) => {
          const field = FIELD_OF[String(error.details ?? "")];
          if (field) form.setFields([{ name: field, errors: [error.message] }]);
          else setRefusal(error.message);
        },
      );
  };

  if (submitted) {
    return (
      <Card>
        <RulingResult
          customerName={submitted.name}
          ruling={submitted.ruling}
          onAnother={() => {
            form.resetFields();
            setSubmitted(null);
          }}
          onList={() => go({ to: "/broker_reports" })}
        />
      </Card>
    );
  }

  return (
    <Card title={t("report_submit.title")} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t("report_submit.intro", { project: project?.projectName ?? "", minutes: lead })}</Typography.Paragraph>
      {refusal && <Alert type="error" showIcon message={refusal} role="alert" data-testid="report-submit-error" style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setRefusal(null)}
        initialValues={{ expected_visit: defaultVisit(lead) }}
      >
        <Form.Item name="customer_name" label={t("report_submit.fields.customer_name")} rules={[{ required: true, whitespace: true, message: t("report_submit.errors.nameRequired") }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="customer_phone"
          label={t("report_submit.fields.customer_phone")}
          extra={t("report_submit.help.phone")}
          rules={[
            { required: true, message: t("report_submit.errors.phoneRequired") },
            {
              validator: async (_, value: string) => {
                if (value && !normalizeMobile(value) && !normalizeMaskedMobile(value)) throw new Error(t("report_submit.errors.phone"));
              },
            },
          ]}
        >
          <Input maxLength={20} inputMode="tel" placeholder="138****5678" />
        </Form.Item>
        <Form.Item
          name="expected_visit"
          label={t("report_submit.fields.expected_visit")}
          extra={t("report_submit.help.visit", { minutes: lead })}
          rules={[{ required: true, message: t("report_submit.errors.visitRequired") }]}
        >
          <DatePicker showTime={{ format: "HH:mm", minuteStep: 5 }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), "day")} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="note" label={t("report_submit.fields.note")}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t("report_submit.notePlaceholder")} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={report.pending} size="large" data-testid="submit-report">
          {t("report_submit.submit")}
        </Button>
      </Form>
    </Card>
  );
}

/** A visit comfortably after the lead time: lead + 30 minutes from now, on the next half hour. */
function defaultVisit(leadMinutes: number): Dayjs {
  const at = dayjs().add(leadMinutes + 30, "minute");
  return at.minute() < 30 ? at.minute(30).second(0).millisecond(0) : at.add(1, "hour").minute(0).second(0).millisecond(0);
}
