import { Button, Descriptions, Drawer, Form, Input, Radio, Space, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { updateComplaintInput } from "@so/shared/schemas/reception";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import { StaffSelect } from "../../components/reports/staff-select.tsx";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../../components/customers/zod-form.ts";
import { STATUS_COLORS, type ComplaintRow } from "./types.ts";

/**
 * 处理投诉 (update_complaint): open → handling → resolved (a resolution is required to resolve);
 * a manager may hand it to another handler; the follow-up call (回访) is noted.
 */
export function HandleComplaintDrawer({ complaint, manager, onClose }: { complaint: ComplaintRow | null; manager: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const update = useRpc("update_complaint");
  const { staff } = useProjectStaff();
  const status = Form.useWatch("p_status", form);

  const submit = async (values: Record<string, unknown>) => {
    if (!complaint) return;
    const parsed = parseWith(updateComplaintInput, form, {
      ...values,
      p_complaint_id: complaint.id,
      p_handler_id: values.p_handler_id ?? null,
    });
    if (!parsed.ok) return;
    const done = await update.call(parsed.data).catch(() => null);
    if (done) onClose();
  };

  return (
    <Drawer
      title={complaint ? t("complaints.handle.title", { name: complaint.complainant_name }) : ""}
      open={Boolean(complaint)}
      onClose={onClose}
      width={600}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) update.reset();
      }}
      extra={
        <Space>
          <Button onClick={onClose}>{t("buttons.cancel")}</Button>
          <Button type="primary" loading={update.pending} onClick={() => form.submit()} data-testid="complaint-save">
            {t("buttons.save")}
          </Button>
        </Space>
      }
    >
      {complaint && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t("complaints.fields.complainant")}>
              {complaint.complainant_name} {complaint.phone}
            </Descriptions.Item>
            <Descriptions.Item label={t("complaints.fields.channel")}>{t(`complaints.channels.${complaint.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t("complaints.fields.created_at")}>{dayjs(complaint.created_at).format("YYYY-MM-DD HH:mm")}</Descriptions.Item>
            <Descriptions.Item label={t("complaints.fields.status")}>
              <Tag color={STATUS_COLORS[complaint.status]}>{t(`complaints.statuses.${complaint.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("complaints.fields.content")}>{complaint.content}</Descriptions.Item>
          </Descriptions>
          <Form form={form} onValuesChange={clearErrorsOnChange(form)}
            layout="vertical"
            onFinish={submit}
            preserve={false}
            initialValues={{
              p_status: complaint.status === "open" ? "handling" : complaint.status,
              p_handler_id: complaint.handler_id ?? undefined,
              p_resolution: complaint.resolution ?? undefined,
              p_follow_up: complaint.follow_up ?? undefined,
            }}
          >
            <RpcError error={update.error} />
            <Form.Item name="p_status" label={t("complaints.fields.status")} required>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={(["handling", "resolved"] as const).map((s) => ({ value: s, label: t(`complaints.statuses.${s}`) }))}
              />
            </Form.Item>
            {manager && (
              <Form.Item name="p_handler_id" label={t("complaints.fields.handler")} extra={t("complaints.handle.handlerHelp")}>
                <StaffSelect people={staff.filter((s) => s.active)} />
              </Form.Item>
            )}
            <Form.Item name="p_resolution" label={t("complaints.fields.resolution")} required={status === "resolved"}>
              <Input.TextArea rows={3} maxLength={2000} placeholder={t("complaints.handle.resolutionPlaceholder")} />
            </Form.Item>
            <Form.Item name="p_follow_up" label={t("complaints.fields.follow_up")}>
              <Input.TextArea rows={2} maxLength={1000} placeholder={t("complaints.handle.followUpPlaceholder")} />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
