import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { useGo, useInvalidateAuthStore, useLogin, useParsed } from "@refinedev/core";
import { Button, theme } from "antd";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthPanel } from "../../components/auth-panel.tsx";
import { LoginInput } from "./login-input.tsx";

interface Credentials {
  email: string;
  password: string;
}

type Problems = Partial<Record<keyof Credentials, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A labelled field with its message under it (the sign-in page's only two). */
function Field({ id, label, problem, children }: { id: string; label: string; problem?: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: token.marginLG }}>
      <label htmlFor={id} style={{ display: "block", paddingBottom: token.paddingXS, color: token.colorTextHeading }}>
        {label}
      </label>
      {children}
      {problem && (
        <div id={`${id}-problem`} role="alert" style={{ color: token.colorError, marginTop: 4 }}>
          {problem}
        </div>
      )}
    </div>
  );
}

/**
 * 登录: email and password; a failure is explained in the form, in Chinese. A plain form (not
 * antd's Form with its validator and tooltips, nor its Input): this page is in the entry chunk
 * every visitor loads.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const go = useGo();
  const { params } = useParsed<{ to?: string }>();
  const invalidateAuthStore = useInvalidateAuthStore();
  const [values, setValues] = useState<Credentials>({ email: "", password: "" });
  const [problems, setProblems] = useState<Problems>({});
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

  const check = ({ email, password }: Credentials): Problems => ({
    ...(!email.trim()
      ? { email: t("pages.login.errors.requiredEmail") }
      : !EMAIL.test(email.trim())
        ? { email: t("pages.login.errors.validEmail") }
        : {}),
    ...(!password ? { password: t("pages.login.errors.requiredPassword") } : {}),
  });
  const change = (field: keyof Credentials, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setError(null);
    setProblems((p) => ({ ...p, [field]: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(values);
    setProblems(found);
    if (!found.email && !found.password) login({ email: values.email.trim(), password: values.password });
  };

  return (
    <AuthPanel subtitle={t("pages.login.title")} maxWidth={400}>
      {error && (
        // antd's Alert look, without its code in the entry chunk.
        <div
          role="alert"
          data-testid="login-error"
          style={{
            marginBottom: 16,
            padding: "8px 12px",
            border: `1px solid ${token.colorErrorBorder}`,
            borderRadius: token.borderRadiusLG,
            background: token.colorErrorBg,
            color: token.colorText,
          }}
        >
          {error}
        </div>
      )}
      <form noValidate onSubmit={submit}>
        <Field id="email" label={t("pages.login.fields.email")} problem={problems.email}>
          <LoginInput
            id="email"
            prefix={<MailOutlined />}
            autoComplete="username"
            placeholder="name@example.com"
            value={values.email}
            invalid={Boolean(problems.email)}
            aria-describedby={problems.email ? "email-problem" : undefined}
            onChange={(e) => change("email", e.target.value)}
          />
        </Field>
        <Field id="password" label={t("pages.login.fields.password")} problem={problems.password}>
          <LoginInput
            id="password"
            type="password"
            prefix={<LockOutlined />}
            autoComplete="current-password"
            value={values.password}
            invalid={Boolean(problems.password)}
            aria-describedby={problems.password ? "password-problem" : undefined}
            onChange={(e) => change("password", e.target.value)}
          />
        </Field>
        <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
          {t("pages.login.signin")}
        </Button>
      </form>
      <p style={{ textAlign: "center", marginTop: 16, marginBottom: 0 }}>
        {t("pages.login.noAccount")} <Link to="/register" style={{ color: token.colorLink, textDecoration: "none" }}>
          {t("pages.login.registerLink")}
        </Link>
      </p>
    </AuthPanel>
  );
}
