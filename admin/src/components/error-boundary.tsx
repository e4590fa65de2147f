import { Button, Result, Space, Typography } from "antd";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

interface Props {
  /** "page": the content area of a route (in the shell); "section": one part of a page, e.g. a form's plan editor. */
  scope: "page" | "section";
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * No page goes white: a render error is caught here and shown in zh-CN (what failed, 重试), while
 * the rest of the app — the menu, the header, and for a section the rest of its form with what the
 * user typed — stays as it was. The shell keys one per route, so moving on clears it.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("[ErrorBoundary]", error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return <ErrorFallback scope={this.props.scope} error={this.state.error} retry={() => this.setState({ error: null })} />;
  }
}

function ErrorFallback({ scope, error, retry }: { scope: Props["scope"]; error: Error; retry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = error.message || String(error);
  return (
    <div data-testid="error-boundary" role="alert">
      <Result
        status={scope === "page" ? "error" : "warning"}
        title={t(scope === "page" ? "crash.pageTitle" : "crash.sectionTitle")}
        subTitle={
          <Space direction="vertical" size={4}>
            <Typography.Text data-testid="error-boundary-message">{t("crash.what", { message })}</Typography.Text>
            <Typography.Text type="secondary">{t(scope === "page" ? "crash.pageHint" : "crash.kept")}</Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button type="primary" onClick={retry} data-testid="error-boundary-retry">
              {t("crash.retry")}
            </Button>
            {scope === "page" && <Button onClick={() => navigate("/")}>{t("crash.home")}</Button>}
          </Space>
        }
        style={scope === "section" ? { padding: "16px 0" } : undefined}
      />
    </div>
  );
}
