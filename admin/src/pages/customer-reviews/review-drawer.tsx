import { useOne } from "@refinedev/core";
import type { Database } from "@so/shared/database.types";
import { RECEPTION_QUALITIES } from "@so/shared/schemas/office";
import { App, Button, DatePicker, Drawer, Form, Input, Radio, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import type { QueueRow } from "./index.tsx";

type Review = Database["public"]["Tables"]["customer_reviews"]["Row"];
type Args = Database["public"]["Functions"]["review_customer"]["Args"];

interface Values {
  grade: string;
  quality?: string;
  objections?: string;
  advice?: string;
  decision: "keep" | "release";
  next_contact_by?: Dayjs;
  reason?: string;
}

const GRADES = ["A", "B", "C", "D"] as const;

/** The manager's judgement on one customer: grade, quality, advice, and keep-with-deadline or release. */
export function ReviewDrawer({ row, onClose }: { row: QueueRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch("decision", form);
  const review = useRpc("review_customer");
  const existing = useOne<Review>({ resource: "customer_reviews", id: row.review_id ?? "", queryOptions: { enabled: Boolean(row.review_id) } }).result;

  useEffect(() => {
    if (!existing) return;
    form.setFieldsValue({
      grade: existing.grade,
      quality: existing.quality ?? undefined,
      objections: existing.objections ?? undefined,
      advice: existing.advice ?? undefined,
      decision: existing.decision as Values["decision"],
      next_contact_by: existing.next_contact_by ? dayjs(existing.next_contact_by) : undefined,
      reason: existing.reason ?? undefined,
    });
  }, [existing, form]);

  const submit = async (values: Values) => {
    const args: Args = {
      p_customer_id: row.customer_id ?? "",
      p_grade: values.grade,
      p_decision: values.decision,
      p_next_contact_by: values.decision === "keep" ? values.next_contact_by?.format("YYYY-MM-DD") : undefined,
      p_quality: values.quality,
      p_objections: values.objections,
      p_advice: values.advice,
      p_reason: values.decision === "release" ? values.reason : undefined,
    };
    const ok = await review.call(args).then(() => true, () => false);
    if (!ok) return;
    message.success(values.decision === "release" ? t("customer_reviews.released", { name: row.customer_name }) : t("customer_reviews.saved", { name: row.customer_name }));
    onClose();
  };

  return (
    <Drawer
      open
      width={520}
      onClose={onClose}
      title={t("customer_reviews.drawerTitle", { name: row.customer_name, consultant: row.consultant_name ?? "—" })}
      extra={
        <Button type="primary" loading={review.pending} onClick={() => form.submit()} data-testid="submit-review">
          {t("customer_reviews.submit")}
        </Button>
      }
    >
      <RpcError error={review.error} />
      {row.last_visit_notes && <Typography.Paragraph type="secondary">{t("customer_reviews.lastVisit", { notes: row.last_visit_notes })}</Typography.Paragraph>}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ grade: row.grade ?? undefined, decision: "keep", next_contact_by: dayjs().add(3, "day") }}
      >
        <Form.Item name="grade" label={t("customer_reviews.fields.grade")} rules={[{ required: true, message: t("customer_reviews.required.grade") }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="review-grade" options={GRADES.map((g) => ({ value: g, label: t(`customer_reviews.grades.${g}`) }))} />
        </Form.Item>
        <Form.Item name="quality" label={t("customer_reviews.fields.quality")}>
          <Radio.Group options={RECEPTION_QUALITIES.map((q) => ({ value: q, label: t(`customer_reviews.qualities.${q}`) }))} />
        </Form.Item>
        <Form.Item name="objections" label={t("customer_reviews.fields.objections")}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t("customer_reviews.placeholders.objections")} />
        </Form.Item>
        <Form.Item name="advice" label={t("customer_reviews.fields.advice")}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t("customer_reviews.placeholders.advice")} data-testid="review-advice" />
        </Form.Item>
        <Form.Item name="decision" label={t("customer_reviews.fields.decision")}>
          <Radio.Group
            data-testid="review-decision"
            options={[
              { value: "keep", label: t("customer_reviews.decisions.keep") },
              { value: "release", label: t("customer_reviews.decisions.release") },
            ]}
          />
        </Form.Item>
        {decision === "release" ? (
          <Form.Item name="reason" label={t("customer_reviews.fields.reason_release")} rules={[{ required: true, whitespace: true, message: t("customer_reviews.required.reason") }]} extra={t("customer_reviews.help_release")}>
            <Input.TextArea rows={2} maxLength={500} data-testid="review-reason" />
          </Form.Item>
        ) : (
          <Form.Item name="next_contact_by" label={t("customer_reviews.fields.next_contact_by")} rules={[{ required: true, message: t("customer_reviews.required.deadline") }]}>
            <DatePicker
              data-testid="review-deadline"
              disabledDate={(d) => d.isBefore(dayjs(), "day") || d.isAfter(dayjs().add(30, "day"), "day")}
              presets={[1, 3, 7].map((n) => ({ label: t("customer_reviews.inDays", { count: n }), value: dayjs().add(n, "day") }))}
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
