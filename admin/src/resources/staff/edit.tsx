import { Edit } from "@refinedev/antd";
import { useCustomMutation, useGo, useInvalidate, useShow, type HttpError } from "@refinedev/core";
import { Alert, DatePicker, Form, Input, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NoRecord } from "../../components/channel/no-record.tsx";
import type { StaffMember } from "./types.ts";

interface Values {
  name: string;
  phone?: string;
  hired_on?: Dayjs | null;
  regularised_on?: Dayjs | null;
  active: boolean;
}

const FIELD_OF: Record<string, keyof Values> = {
  name_required: "name",
  invalid_phone: "phone",
  invalid_date: "regularised_on",
  cannot_deactivate_self: "active",
};

/** 编辑员工: name, phone, 入职日期, 转正日期, 在职 — saved by update_staff (audited). */
export default function StaffEdit() {
  const { t } = useTranslation();
  const go = useGo();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { result: member, query } = useShow<StaffMember>({ meta: { select: "id, name, email, phone, hired_on, regularised_on, active" } });
  const { mutate, mutation } = useCustomMutation();

  useEffect(() => {
    if (member) {
      form.setFieldsValue({
        name: member.name,
        phone: member.phone ?? "",
        hired_on: member.hired_on ? dayjs(member.hired_on) : null,
        regularised_on: member.regularised_on ? dayjs(member.regularised_on) : null,
        active: member.active,
      });
    }
  }, [member, form]);

  const save = (values: Values) => {
    if (!member) return;
    setRefusal(null);
    mutate(
      {
        url: "rpc/update_staff",
        method: "post",
        values: {
          p_staff_id: member.id,
          p_name: values.name,
          p_phone: values.phone?.trim() || null,
          p_hired_on: values.hired_on?.format("YYYY-MM-DD") ?? null,
          p_regularised_on: values.regularised_on?.format("YYYY-MM-DD") ?? null,
          p_active: values.active,
        },
        successNotification: () => ({ type: "success", message: t("staff.saved", { name: values.name }) }),
        errorNotification: false,
      },
      {
        onSuccess: () => {
          void invalidate({ resource: "staff", invalidates: ["list", "detail"], id: member.id });
          go({ to: { resource: "staff", action: "show", id: member.id } });
        },
        onError: (error: HttpError) => {
          const field = FIELD_OF[String(error.details ?? "")];
          if (field) form.setFields([{ name: field, errors: [error.message] }]);
          else setRefusal(error.message);
        },
      },
    );
  };

  if (!member && !query.isLoading) return <Edit>{<NoRecord />}</Edit>;
  return (
    <Edit isLoading={query.isLoading} title={member?.name} saveButtonProps={{ onClick: () => form.submit(), loading: mutation.isPending }} canDelete={false}>
      {refusal && <Alert type="error" showIcon message={refusal} role="alert" style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 520 }} onFinish={save}>
        <Form.Item label={t("staff.fields.email")}>
          <Input value={member?.email} disabled />
        </Form.Item>
        <Form.Item name="name" label={t("staff.fields.name")} rules={[{ required: true, whitespace: true, message: t("staff.errors.nameRequired") }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t("staff.fields.phone")}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="hired_on" label={t("staff.fields.hired_on")}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="regularised_on" label={t("staff.fields.regularised_on")} extra={t("staff.help.regularised_on")}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="active" label={t("staff.fields.active")} valuePropName="checked" extra={t("staff.help.active")}>
          <Switch />
        </Form.Item>
      </Form>
    </Edit>
  );
}
