import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useCustomMutation, useList, type HttpError } from "@refinedev/core";
import { Alert, App, Button, Card, Checkbox, Form, InputNumber, Select, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { APPROVER_ROLES } from "@so/shared/enums";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { rowsFromRules, rulesArg, type MatrixProblem, type MatrixRow } from "./matrix.ts";
import "./project-settings.css";

interface RuleRecord {
  id: string;
  max_depth_pct: number | null;
  chain: string[];
}

/**
 * 审批权限: by depth of the special discount (beyond policies), who approves, in order.
 * Saved as a whole through set_approval_matrix (admins); its refusal is shown above the rows.
 * Of the project in use (the data provider limits approval_rules to it).
 */
export function MatrixCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rules: MatrixRow[] }>();
  const [error, setError] = useState<string | null>(null);
  const { result, query } = useList<RuleRecord>({
    resource: "approval_rules",
    pagination: { mode: "off" },
    meta: { select: "id, max_depth_pct, chain" },
  });
  const { mutateAsync, mutation } = useCustomMutation();
  const setMatrix = useProjectRpc("set_approval_matrix");
  const stored = result.data;

  useEffect(() => {
    if (query.isSuccess) form.setFieldsValue({ rules: rowsFromRules(stored) });
  }, [query.isSuccess, query.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const roleLabel = (r: string) => t(`roles.${r}`);
  const chainText = (chain: string[]) => chain.map(roleLabel).join(" → ");

  // The rows' own messages are set by hand below; any edit or new attempt starts clean.
  const clearErrors = () =>
    form.setFields(
      ((form.getFieldValue("rules") as MatrixRow[] | undefined) ?? []).flatMap((_, i) =>
        (["max_depth_pct", "chain"] as const).map((field) => ({ name: ["rules", i, field], errors: [] })),
      ),
    );

  const problemText = (p: MatrixProblem) => t(`project_settings.matrix.problems.${p.key}`, { defaultValue: p.message });

  // The database lists every problem first (approval_matrix_problems), so each row is marked at once.
  const save = async (values: { rules: MatrixRow[] }) => {
    setError(null);
    clearErrors();
    const rules = rulesArg(values.rules ?? []);
    const checked = await mutateAsync({
      url: "rpc/approval_matrix_problems",
      method: "post",
      values: { p_rules: rules },
      successNotification: false,
      errorNotification: false,
    }).catch((e: HttpError) => {
      setError(e.message);
      return null;
    });
    if (!checked) return;
    const problems = (Array.isArray(checked.data) ? checked.data : []) as MatrixProblem[];
    if (problems.length) {
      const whole = problems.find((p) => p.index < 0 || !p.field);
      if (whole) setError(problemText(whole));
      form.setFields(
        problems
          .filter((p) => p.index >= 0 && p.field)
          .map((p) => ({ name: ["rules", p.index, p.field!], errors: [problemText(p)] })),
      );
      return;
    }
    await setMatrix.call({ p_rules: rules }).then(
      () => void message.success(t("project_settings.matrix.saved")),
      (e: HttpError) => setError(e.message),
    );
  };

  if (!editable) {
    return (
      <Card title={t("project_settings.matrix.title")} loading={query.isLoading} data-testid="approval-matrix">
        <Table<RuleRecord>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rowsFromRules(stored).map((r, i) => ({ id: String(i), max_depth_pct: r.max_depth_pct === null ? null : Number(r.max_depth_pct), chain: r.chain }))}
          columns={[
            {
              title: t("project_settings.matrix.depth"),
              dataIndex: "max_depth_pct",
              render: (v: number | null) => (v === null ? t("project_settings.matrix.beyond") : t("project_settings.matrix.upTo", { depth: v })),
            },
            { title: t("project_settings.matrix.chain"), dataIndex: "chain", render: (chain: string[]) => chainText(chain) },
          ]}
        />
      </Card>
    );
  }

  return (
    <Card
      title={t("project_settings.matrix.title")}
      loading={query.isLoading}
      extra={
        <Button type="primary" loading={mutation.isPending || setMatrix.pending} onClick={() => form.submit()} data-testid="matrix-save">
          {t("project_settings.matrix.save")}
        </Button>
      }
      data-testid="approval-matrix"
    >
      <Typography.Paragraph type="secondary">{t("project_settings.matrix.help")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="matrix-error" />}
      <Form
        form={form}
        onFinish={save}
        onValuesChange={() => {
          setError(null);
          clearErrors();
        }}
      >
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: "100%" }}>
              <div className="so-matrix-row so-matrix-head">
                <span>{t("project_settings.matrix.depth")}</span>
                <span>{t("project_settings.matrix.chain")}</span>
                <span />
              </div>
              {fields.map((field, index) => (
                <MatrixRowFields
                  key={field.key}
                  name={field.name}
                  last={index === fields.length - 1}
                  onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                  chainText={chainText}
                />
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ max_depth_pct: null, chain: [...APPROVER_ROLES] }, fields.length)}
                data-testid="matrix-add"
              >
                {t("project_settings.matrix.add")}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

function MatrixRowFields({ name, last, onRemove, chainText }: { name: number; last: boolean; onRemove?: () => void; chainText: (c: string[]) => string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<{ rules: MatrixRow[] }>();
  const row = Form.useWatch(["rules", name], form) as MatrixRow | undefined;
  const open = row?.max_depth_pct === null || row?.max_depth_pct === undefined;
  return (
    <div className="so-matrix-row" data-testid="matrix-row">
      <div>
        <Form.Item name={[name, "max_depth_pct"]} style={{ marginBottom: 4 }}>
          <InputNumber<string>
            stringMode
            min="0.01"
            max="100"
            step="0.5"
            precision={2}
            disabled={open && last}
            placeholder={t("project_settings.matrix.beyond")}
            addonBefore="≤"
            addonAfter="%"
            style={{ width: "100%" }}
            aria-label={t("project_settings.matrix.depth")}
          />
        </Form.Item>
        {last && (
          <Checkbox checked={open} onChange={(e) => form.setFieldValue(["rules", name, "max_depth_pct"], e.target.checked ? null : "")}>
            {t("project_settings.matrix.openEnded")}
          </Checkbox>
        )}
      </div>
      <Form.Item
        name={[name, "chain"]}
        style={{ marginBottom: 4 }}
        extra={row?.chain?.length ? t("project_settings.matrix.order", { chain: chainText(row.chain) }) : undefined}
      >
        <Select
          mode="multiple"
          aria-label={t("project_settings.matrix.chain")}
          placeholder={t("project_settings.matrix.chainPlaceholder")}
          options={APPROVER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      </Form.Item>
      <div>{onRemove && <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t("project_settings.matrix.remove")} />}</div>
    </div>
  );
}
