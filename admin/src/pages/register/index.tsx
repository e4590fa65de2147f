import { LockOutlined, MailOutlined, UserOutlined } from "@ant-design/icons";
import { useGo, useInvalidateAuthStore, useParsed } from "@refinedev/core";
import { Alert, Button, Form, Input, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthPanel } from "../../components/auth-panel.tsx";
import { supabase } from "../../providers/supabase-client.ts";
import { acceptInvitation, signIn, signUp } from "./sign-up.ts";

interface Values {
  name: string;
  email: string;
  password: string;
  confirm: string;
}

const MIN_LENGTH = 8;

/** Who is signed in right now (null when nobody), following sign-in and sign-out. */
function useSignedInEmail(): { email: string | null; known: boolean } {
  const [state, setState] = useState<{ email: string | null; known: boolean }>({ email: null, known: false });
  useEffect(() => {
    void supabase.auth.getSession().then(({ data }) => setState({ email: data.session?.user.email ?? null, known: true }));
    const { data } = supabase.auth.onAuthStateChange((_event, session) => setState({ email: session?.user.email ?? null, known: true }));
    return () => data.subscription.unsubscribe();
  }, []);
  return state;
}

/**
 * 注册 / 接受邀请. Without a token: sign up (the account has no project until someone invites it).
 * With the invitation link's token: sign up, or sign in, and the invitation is accepted at once
 * (accept_invitation — the database checks the token, the confirmed email and the expiry); a
 * person already signed in accepts with one button. Where emails are confirmed first (hosted),
 * the confirmation email leads back to this link.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  const go = useGo();
  const invalidateAuthStore = useInvalidateAuthStore();
  const { params } = useParsed<{ email?: string; token?: string }>();
  const token = params?.token ? String(params.token) : null;
  const signedIn = useSignedInEmail();
  const [mode, setMode] = useState<"signUp" | "signIn">("signUp");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // Signed in and nothing to accept: this page has nothing to do.
  useEffect(() => {
    if (signedIn.known && signedIn.email && !token && !pending) go({ to: "/", type: "replace" });
  }, [signedIn, token, pending, go]);

  const finish = async (step: () => Promise<string | null>) => {
    setPending(true);
    setError(null);
    setNotice(null);
    const failure = await step();
    if (failure) {
      setPending(false);
      setError(failure);
      return;
    }
    if (token) {
      const refused = await acceptInvitation(token);
      if (refused) {
        setPending(false);
        setError(refused);
        return;
      }
    }
    await invalidateAuthStore();
    setPending(false);
    go({ to: "/", type: "replace" });
  };

  const submitSignUp = async ({ name, email, password }: Values) => {
    setPending(true);
    const failure = await signUp({ name, email, password, redirectTo: token ? window.location.href : undefined });
    if (token && failure === t("registerPage.confirmThenOpen")) {
      // Emails are confirmed first (hosted): the confirmation link brings the person back here.
      setPending(false);
      setNotice(failure);
      return;
    }
    await finish(async () => failure);
  };

  const emailField = (
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
  );

  return (
    <AuthPanel subtitle={t("registerPage.title")} maxWidth={420}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t(token ? "registerPage.inviteIntro" : "registerPage.intro")}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="register-error" style={{ marginBottom: 16 }} />}
      {notice && <Alert type="info" showIcon message={notice} data-testid="register-notice" style={{ marginBottom: 16 }} />}
      {token && signedIn.email ? (
        <Space direction="vertical" style={{ width: "100%" }} data-testid="accept-invitation">
          <Typography.Text>{t("registerPage.signedInAs", { email: signedIn.email })}</Typography.Text>
          <Button type="primary" size="large" block loading={pending} onClick={() => void finish(async () => null)} data-testid="accept-invitation-submit">
            {t("registerPage.accept")}
          </Button>
          <Button block onClick={() => void supabase.auth.signOut()}>
            {t("registerPage.useOtherAccount")}
          </Button>
        </Space>
      ) : mode === "signIn" ? (
        <Form<{ email: string; password: string }>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => finish(() => signIn(values))}
          onValuesChange={() => setError(null)}
          initialValues={{ email: params?.email ?? "" }}
        >
          {emailField}
          <Form.Item name="password" label={t("pages.login.fields.password")} rules={[{ required: true, message: t("pages.login.errors.requiredPassword") }]}>
            <Input.Password prefix={<LockOutlined />} size="large" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={pending} data-testid="register-sign-in-submit">
            {t("registerPage.signInSubmit")}
          </Button>
        </Form>
      ) : (
        <Form<Values> layout="vertical" requiredMark={false} onFinish={submitSignUp} onValuesChange={() => setError(null)} initialValues={{ email: params?.email ?? "" }}>
          <Form.Item name="name" label={t("registerPage.fields.name")} rules={[{ required: true, whitespace: true, message: t("registerPage.errors.nameRequired") }]}>
            <Input prefix={<UserOutlined />} size="large" autoComplete="name" maxLength={50} />
          </Form.Item>
          {emailField}
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
      )}
      {token && !signedIn.email ? (
        <Typography.Paragraph style={{ textAlign: "center", marginTop: 16, marginBottom: 0 }}>
          <Typography.Link onClick={() => setMode(mode === "signUp" ? "signIn" : "signUp")} data-testid="register-switch-mode">
            {t(mode === "signUp" ? "registerPage.haveAccountAccept" : "registerPage.needAccountAccept")}
          </Typography.Link>
        </Typography.Paragraph>
      ) : (
        !token && (
          <Typography.Paragraph style={{ textAlign: "center", marginTop: 16, marginBottom: 0 }}>
            {t("registerPage.haveAccount")} <Link to="/login">{t("registerPage.toLogin")}</Link>
          </Typography.Paragraph>
        )
      )}
    </AuthPanel>
  );
}
