import { useUpdatePassword } from "@refinedev/core";
import { Alert, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";

const MIN_LENGTH = 8;

interface PasswordForm {
  currentPassword: string;
  password: string;
  confirm: string;
}

/** 修改密码: current password, new password twice; the outcome is shown in the form. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordForm>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const { mutate: updatePassword, isPending } = useUpdatePassword<{ currentPassword: string; password: string }>({
    mutationOptions: {
      onSuccess: (result) => {
        if (result.success) form.resetFields();
        setOutcome(
          result.success
            ? { ok: true, message: t("pages.password.success") }
            : { ok: false, message: result.error?.message ?? t("pages.password.errors.failed", { message: "" }) },
        );
      },
      onError: (error) => setOutcome({ ok: false, message: error.message }),
    },
  });

  return (
    <Card title={t("pages.password.title")} style={{ maxWidth: 480 }}>
      {outcome && (
        <Alert
          type={outcome.ok ? "success" : "error"}
          showIcon
          message={outcome.message}
          role={outcome.ok ? "status" : "alert"}
          data-testid="password-outcome"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        onValuesChange={() => setOutcome(null)}
        onFinish={({ currentPassword, password }) => updatePassword({ currentPassword, password })}
      >
        <Form.Item
          name="currentPassword"
          label={t("pages.password.currentPassword")}
          rules={[{ required: true, message: t("pages.password.errors.requiredCurrent") }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("pages.password.newPassword")}
          dependencies={["currentPassword"]}
          rules={[
            { required: true, message: t("pages.password.errors.requiredNew") },
            { min: MIN_LENGTH, message: t("pages.password.errors.tooShort", { min: MIN_LENGTH }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && value === getFieldValue("currentPassword")
                  ? Promise.reject(new Error(t("pages.password.errors.sameAsCurrent")))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("pages.password.confirmPassword")}
          dependencies={["password"]}
          rules={[
            { required: true, message: t("pages.password.errors.requiredConfirm") },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue("password")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("pages.password.errors.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isPending}>
          {t("pages.password.submit")}
        </Button>
      </Form>
    </Card>
  );
}
