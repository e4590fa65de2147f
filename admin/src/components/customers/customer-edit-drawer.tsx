import { Button, Drawer, Form, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { customerPatch } from "@so/shared/schemas/customers";
import { wanToYuan, yuanToWan } from "../money.tsx";
import { CustomerNeedsFields } from "./needs-fields.tsx";
import { RpcError } from "./rpc-error.tsx";
import type { CustomerRow } from "./types.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { clearErrorsOnChange, parseWith } from "./zod-form.ts";

const EDITABLE = ["name", "gender", "grade", "rooms", "area_min", "area_max", "budget_max", "purpose", "note"] as const;
type Editable = (typeof EDITABLE)[number];

const formValues = (c: CustomerRow) => ({
  name: c.name,
  gender: c.gender,
  grade: c.grade,
  rooms: c.rooms,
  area_min: c.area_min,
  area_max: c.area_max,
  budget_max: yuanToWan(c.budget_max),
  purpose: c.purpose,
  note: c.note,
});

/** 编辑意向等级与需求 (update_customer): only the fields that changed are sent (and audited). */
export function CustomerEditDrawer({ customer, open, onClose }: { customer: CustomerRow; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const update = useRpc("update_customer");
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: Record<Editable, unknown>) => {
    setFormError(null);
    const initial = formValues(customer) as Record<Editable, unknown>;
    const patch: Record<string, unknown> = {};
    for (const field of EDITABLE) {
      const value = values[field] === undefined || values[field] === "" ? null : values[field];
      if (value !== (initial[field] ?? null)) patch[field] = field === "budget_max" ? wanToYuan(value as number | null) : value;
    }
    const parsed = parseWith(customerPatch, form, patch);
    if (!parsed.ok) return setFormError(parsed.message);
    const saved = await update.call({ p_customer_id: customer.id, p_patch: parsed.data }).catch(() => null);
    if (saved) onClose();
  };

  return (
    <Drawer
      title={t("customers.edit.title", { name: customer.name })}
      open={open}
      onClose={onClose}
      width={640}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) {
          update.reset();
          setFormError(null);
        }
      }}
      extra={
        <Space>
          <Button onClick={onClose}>{t("buttons.cancel")}</Button>
          <Button type="primary" loading={update.pending} onClick={() => form.submit()}>
            {t("buttons.save")}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        onFinish={submit}
        initialValues={formValues(customer)}
        preserve={false}
        data-testid="customer-edit-form"
      >
        <RpcError error={update.error} />
        {formError && <RpcError error={{ message: formError, statusCode: 400 }} />}
        <Form.Item name="name" label={t("customers.fields.name")} required>
          <Input maxLength={50} />
        </Form.Item>
        <CustomerNeedsFields prefix="" />
      </Form>
    </Drawer>
  );
}
