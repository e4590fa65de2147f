import { LockOutlined, MailOutlined, UserOutlined } from "@ant-design/icons";
import { useGo, useInvalidateAuthStore, useParsed } from "@refinedev/core";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthPanel } from "../../components/auth-panel.tsx";
import { signUp } from "./sign-up.ts";

interface Values {
  name: string;
  email: string;
  password: string;
  confirm: string;
}

const MIN_LENGTH = 8;

/**
 * 注册: email and password (supabase.auth.signUp). Whoever was invited gets the invited roles at
 * once (a database trigger); anyone else gets an account without a project, and the admin tells
 * them so.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  const go = useGo();
  const invalidateAuthStore = useInvalidateAuthStore();
  const { params } = useParsed<{ email?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async ({ name, email, password }: Values) => {
    setPending(true);
    setError(null);
    const failure = await signUp({ name, email, password });
    setPending(false);
    if (failure) {
      setError(failure);
      return;
    }
    await invalidateAuthStore();
    go({ to: "/", type: "replace" });
  };

  return (
    <AuthPanel subtitle={t("registerPage.title")} maxWidth={420}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t("registerPage.intro")}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="register-error" style={{ marginBottom: 16 }} />}
      <Form<Values> layout="vertical" requiredMark={false} onFinish={submit} onValuesChange={() => setError(null)} initialValues={{ email: params?.email ?? "" }}>
        <Form.Item name="name" label={t("registerPage.fields.name")} rules={[{ required: true, whitespace: true, message: t("registerPage.errors.nameRequired") }]}>
          <Input prefix={<UserOutlined />} size="large" autoComplete="name" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("pages.login.fields.email")}
          rules={[
            { required: true, message: t("pages.login.errors.requiredEmail") },
            { type: "email", message: t("pages.login.errors.validEmail") },
          ]}
        >
          <Input prefix={<MailOutlined />} size="large" autoComplete="username" placeholder="name@example.com" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("pages.login.fields.password")}
          rules={[
            { required: true, message: t("pages.login.errors.requiredPassword") },
            { min: MIN_LENGTH, message: t("pages.password.errors.tooShort", { min: MIN_LENGTH }) },
          ]}
        >
          <Input.Password prefix={<LockOutlined />} size="large" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("registerPage.fields.confirm")}
          dependencies={["password"]}
          rules={[
            { required: true, message: t("pages.password.errors.requiredConfirm") },
            ({ getFieldValue }) => ({
              validator: async (_, value: string) => {
                if (value && value !== getFieldValue("password")) throw new Error(t("pages.password.errors.mismatch"));
              },
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} size="large" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={pending} data-testid="register-submit">
          {t("registerPage.submit")}
        </Button>
      </Form>
      <Typography.Paragraph style={{ textAlign: "center", marginTop: 16, marginBottom: 0 }}>
        {t("registerPage.haveAccount")} <Link to="/login">{t("registerPage.toLogin")}</Link>
      </Typography.Paragraph>
    </AuthPanel>
  );
}
