import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { useGo, useInvalidateAuthStore, useLogin, useParsed } from "@refinedev/core";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthPanel } from "../../components/auth-panel.tsx";

interface Credentials {
  email: string;
  password: string;
}

/** 登录: email and password; a failure is explained in the form, in Chinese. */
export default function LoginPage() {
  const { t } = useTranslation();
  const go = useGo();
  const { params } = useParsed<{ to?: string }>();
  const invalidateAuthStore = useInvalidateAuthStore();
  const [error, setError] = useState<string | null>(null);
  const { mutate: login, isPending } = useLogin<Credentials>({
    mutationOptions: {
      // Replaces refine's toast: the message is shown in the form instead.
      onSuccess: async (result) => {
        if (!result.success) {
          setError(result.error?.message ?? t("pages.login.errors.failed"));
          return;
        }
        setError(null);
        await invalidateAuthStore();
        go({ to: params?.to ?? result.redirectTo ?? "/", type: "replace" });
      },
      onError: (failure) => setError(failure.message),
    },
  });

  return (
    <AuthPanel subtitle={t("pages.login.title")} maxWidth={400}>
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="login-error" style={{ marginBottom: 16 }} />}
      <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => login(values)} onValuesChange={() => setError(null)}>
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
        <Form.Item name="password" label={t("pages.login.fields.password")} rules={[{ required: true, message: t("pages.login.errors.requiredPassword") }]}>
          <Input.Password prefix={<LockOutlined />} size="large" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
          {t("pages.login.signin")}
        </Button>
      </Form>
      <Typography.Paragraph style={{ textAlign: "center", marginTop: 16, marginBottom: 0 }}>
        {t("registerPage.noAccount")} <Link to="/register">{t("registerPage.link")}</Link>
      </Typography.Paragraph>
    </AuthPanel>
  );
}
