import { DownloadOutlined, InboxOutlined, TableOutlined } from "@ant-design/icons";
import { useGo } from "@refinedev/core";
import { Alert, Button, Card, Result, Space, Spin, Switch, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PRICE_LIST_COLUMNS } from "./columns.ts";
import { PreviewTable } from "./preview-table.tsx";
import { usePriceListImport } from "./use-price-list-import.ts";
import { downloadTemplate } from "./write-sheet.ts";
import "./price-list.css";

/** 导入价目表 (managers, admins): template, upload, the database's check of every row, apply. */
export function ImportCard({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const go = useGo();
  const { state, check, apply, reset } = usePriceListImport(onApplied);
  const [onlyErrors, setOnlyErrors] = useState(false);

  const templateNotes = [
    t("price_list.template.intro"),
    ...PRICE_LIST_COLUMNS.map((c) => `${c.header}：${t(`price_list.template.columns.${c.key}`)}`),
  ];
  const busy = state.phase === "reading" || state.phase === "checking" || state.phase === "applying";

  return (
    <Card
      title={t("price_list.import.title")}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate("xlsx", templateNotes, t("price_list.template.fileName"))}>
            {t("price_list.template.xlsx")}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate("csv", templateNotes, t("price_list.template.fileName"))}>
            {t("price_list.template.csv")}
          </Button>
        </Space>
      }
      data-testid="price-list-import"
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t("price_list.import.help", { headers: PRICE_LIST_COLUMNS.map((c) => c.header).join("、") })}
        </Typography.Paragraph>

        {(state.phase === "idle" || state.phase === "fileProblem" || state.phase === "refused" || state.phase === "checked") && (
          <div data-testid="price-list-upload">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              setOnlyErrors(false);
              void check(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{state.phase === "idle" ? t("price_list.import.drop") : t("price_list.import.dropAgain")}</p>
            <p className="ant-upload-hint">{t("price_list.import.dropHint")}</p>
          </Upload.Dragger>
          </div>
        )}

        {busy && (
          <Spin tip={t(`price_list.import.${state.phase}`, { file: state.fileName })}>
            <div style={{ height: 64 }} />
          </Spin>
        )}

        {state.phase === "fileProblem" && (
          <Alert
            type="error"
            showIcon
            data-testid="price-list-file-problem"
            message={t(`price_list.problems.${state.problem.problem}`, {
              file: state.fileName,
              missing: state.problem.missing?.join("、") ?? "",
              detail: state.problem.detail ?? "",
            })}
          />
        )}

        {state.phase === "refused" && <Alert type="error" showIcon data-testid="price-list-refused" message={state.message} />}

        {state.phase === "checked" && (
          <>
            {state.counts ? (
              <Alert
                type="success"
                showIcon
                data-testid="price-list-clean"
                message={t("price_list.import.clean", { file: state.fileName, rows: state.counts.rows })}
                description={t("price_list.import.willChange", {
                  inserted: state.counts.inserted,
                  updated: state.counts.updated,
                  priceChanges: state.counts.priceChanges,
                  unchanged: state.counts.unchanged,
                })}
                action={
                  <Space direction="vertical">
                    <Button type="primary" onClick={() => void apply()} data-testid="price-list-apply">
                      {t("price_list.import.apply", { rows: state.counts.rows })}
                    </Button>
                    <Button onClick={reset}>{t("buttons.cancel")}</Button>
                  </Space>
                }
              />
            ) : (
              <Alert
                type="error"
                showIcon
                data-testid="price-list-errors"
                message={t("price_list.import.hasErrors", { file: state.fileName, rows: state.rows.length, errorRows: state.errorRows })}
                description={t("price_list.import.nothingChanged")}
                action={
                  <Space align="center">
                    <Typography.Text>{t("price_list.import.onlyErrors")}</Typography.Text>
                    <Switch checked={onlyErrors} onChange={setOnlyErrors} aria-label={t("price_list.import.onlyErrors")} />
                  </Space>
                }
              />
            )}
            {state.counts && state.counts.heldForApproval > 0 && (
              <Alert type="warning" showIcon data-testid="price-list-held" message={t("price_list.import.held", { count: state.counts.heldForApproval })} />
            )}
            <PreviewTable rows={state.rows} onlyErrors={onlyErrors} />
          </>
        )}

        {state.phase === "applied" && (
          <div data-testid="price-list-applied">
          {state.counts.heldForApproval > 0 && (
            <Alert type="warning" showIcon data-testid="price-list-held-applied" message={t("price_list.import.heldApplied", { count: state.counts.heldForApproval })} />
          )}
          <Result
            status="success"
            title={t("price_list.import.applied", { rows: state.counts.rows })}
            subTitle={t("price_list.import.appliedDetail", {
              inserted: state.counts.inserted,
              updated: state.counts.updated,
              priceChanges: state.counts.priceChanges,
              unchanged: state.counts.unchanged,
            })}
            extra={[
              <Button key="board" type="primary" icon={<TableOutlined />} onClick={() => go({ to: "/board" })}>
                {t("price_list.import.toBoard")}
              </Button>,
              ...(state.counts.priceChangeApprovalId
                ? [
                    <Button key="request" danger onClick={() => go({ to: `/approvals/${state.counts.priceChangeApprovalId}` })} data-testid="price-list-open-request">
                      {t("price_list.import.openRequest")}
                    </Button>,
                  ]
                : []),
              <Button key="again" onClick={reset}>
                {t("price_list.import.again")}
              </Button>,
            ]}
          />
          </div>
        )}
      </Space>
    </Card>
  );
}
