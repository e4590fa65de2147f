import { QUALIFICATION_PAPERS } from "@so/shared/schemas/deals";
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { DbError } from "../deals/db-error.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { QualificationAlert } from "./qualification-alert.tsx";
import { QualificationResultTag } from "./result-tag.tsx";
import { useQualification } from "./use-qualification.ts";

interface Values {
  local_hukou?: boolean;
  social_security_months?: number;
  homes_owned?: number;
  documents: string[];
  note?: string;
}

/**
 * 购房资质审核 on the subscription page: the 限购 facts and the papers received (the deal's
 * consultant, finance, managers), and the decision 符合 / 不符合 (finance and managers). The
 * database says what is missing and refuses a 符合 while anything is.
 */
export function QualificationCard({ subscriptionId, active }: { subscriptionId: string; active: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { state, query } = useQualification(subscriptionId);
  const canRecord = useAllowed("purchase_qualifications", "create") && active;
  const canDecide = useAllowed("purchase_qualifications", "edit") && active;
  const save = useRpc("record_qualification");
  const [form] = Form.useForm<Values>();
  const q = state?.qualification;
  const decided = state ? state.result !== "pending" : false;

  useEffect(() => {
    form.setFieldsValue({
      local_hukou: q?.local_hukou ?? undefined,
      social_security_months: q?.social_security_months ?? undefined,
      homes_owned: q?.homes_owned ?? undefined,
      documents: q?.documents ?? [],
      note: q?.note ?? undefined,
    });
  }, [form, q]);

  const submit = (result: "pending" | "eligible" | "ineligible") =>
    form.validateFields().then((v) =>
      save
        .call({
          p_subscription_id: subscriptionId,
          p_local_hukou: v.local_hukou ?? null,
          p_social_security_months: v.social_security_months ?? null,
          p_homes_owned: v.homes_owned ?? null,
          p_documents: v.documents ?? [],
          p_note: v.note ?? null,
          p_result: result,
        })
        .then(() => {
          message.success(t(`purchase_qualifications.saved.${result}`));
          void query.refetch();
        }, () => undefined),
    );
  const editable = canDecide || (canRecord && !decided);

  return (
    <Card
      size="small"
      title={t("purchase_qualifications.card")}
      extra={state && <QualificationResultTag value={state.result} />}
      data-testid="qualification-card"
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("purchase_qualifications.help")}</Typography.Text>
        {q?.checked_by_name && (
          <Typography.Text data-testid="qualification-checked">
            {t("purchase_qualifications.checkedBy", { name: q.checked_by_name, at: dayjs(q.checked_at).format("YYYY-MM-DD HH:mm") })}
          </Typography.Text>
        )}
        <QualificationAlert subscriptionId={subscriptionId} />
        <DbError error={save.error} />
        <Form<Values> form={form} layout="vertical" disabled={!editable} initialValues={{ documents: [] }}>
          <Space wrap size="large">
            <Form.Item name="local_hukou" label={t("purchase_qualifications.fields.local_hukou")}>
              <Radio.Group data-testid="q-hukou">
                <Radio value={true}>{t("purchase_qualifications.yes")}</Radio>
                <Radio value={false}>{t("purchase_qualifications.no")}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="social_security_months" label={t("purchase_qualifications.fields.social_security_months")}>
              <InputNumber min={0} max={600} precision={0} data-testid="q-months" />
            </Form.Item>
            <Form.Item name="homes_owned" label={t("purchase_qualifications.fields.homes_owned")}>
              <InputNumber min={0} max={50} precision={0} data-testid="q-homes" />
            </Form.Item>
          </Space>
          <Form.Item name="documents" label={t("purchase_qualifications.fields.documents")}>
            <Checkbox.Group data-testid="q-documents" options={QUALIFICATION_PAPERS.map((p) => ({ value: p, label: t(`purchase_qualifications.missing.${p}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t("purchase_qualifications.fields.note")}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="q-note" />
          </Form.Item>
        </Form>
        {editable && (
          <Space wrap>
            <Button onClick={() => submit("pending")} loading={save.pending} data-testid="q-save">
              {t("purchase_qualifications.actions.save")}
            </Button>
            {canDecide && (
              <>
                <Button type="primary" onClick={() => submit("eligible")} loading={save.pending} data-testid="q-eligible">
                  {t("purchase_qualifications.actions.eligible")}
                </Button>
                <Button danger onClick={() => submit("ineligible")} loading={save.pending} data-testid="q-ineligible">
                  {t("purchase_qualifications.actions.ineligible")}
                </Button>
              </>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
