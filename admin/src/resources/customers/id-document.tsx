import { ID_TYPES } from "@so/shared/schemas/customers";
import { useInvalidate } from "@refinedev/core";
import { Button, Form, Input, Modal, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DbError } from "../../components/deals/db-error.tsx";
import { useReport } from "../../components/reports/use-report.ts";
import { useRpc } from "../../hooks/use-rpc.ts";

/**
 * 证件 on the customer page: the masked number; the full one on demand for who may work the
 * customer (the database refuses everyone else); recording or correcting it (set_customer_id_document).
 */
export function CustomerIdDocument({ customerId, idType, masked, canEdit, canReveal }: {
  customerId: string;
  idType?: string | null;
  masked?: string | null;
  canEdit: boolean;
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  const [reveal, setReveal] = useState(false);
  const [editing, setEditing] = useState(false);
  const full = useReport("customer_id_document", reveal ? { p_customer_id: customerId } : null);
  const save = useRpc("set_customer_id_document");
  const invalidate = useInvalidate();
  const [form] = Form.useForm<{ id_type: string; id_no: string }>();

  const onSave = async (values: { id_type: string; id_no: string }) => {
    const ok = await save.call({ p_customer_id: customerId, p_id_type: values.id_type, p_id_no: values.id_no }).then(() => true, () => false);
    if (!ok) return;
    setEditing(false);
    setReveal(false);
    await invalidate({ invalidates: ["all"] });
  };

  return (
    <Space wrap data-testid="customer-id-document">
      {idType ? <Typography.Text>{t(`papers.idTypes.${idType}`)}</Typography.Text> : <Typography.Text type="secondary">{t("papers.idDocument.none")}</Typography.Text>}
      {masked && (
        <Typography.Text data-testid="customer-id-no" copyable={reveal && Boolean(full.data?.id_no)}>
          {reveal && full.data?.id_no ? full.data.id_no : masked}
        </Typography.Text>
      )}
      {masked && canReveal && !reveal && (
        <Button size="small" type="link" onClick={() => setReveal(true)} data-testid="reveal-id-no">
          {t("papers.idDocument.show")}
        </Button>
      )}
      {canEdit && (
        <Button size="small" onClick={() => { save.reset(); form.setFieldsValue({ id_type: idType ?? "id_card", id_no: "" }); setEditing(true); }} data-testid="edit-id-document">
          {t("papers.idDocument.edit")}
        </Button>
      )}
      <Modal
        open={editing}
        title={t("papers.idDocument.edit")}
        okText={t("papers.idDocument.save")}
        onOk={() => form.submit()}
        confirmLoading={save.pending}
        onCancel={() => setEditing(false)}
        destroyOnHidden
      >
        <DbError error={save.error} />
        <Form form={form} layout="vertical" onFinish={onSave}>
          <Form.Item name="id_type" label={t("papers.fields.id_type")} rules={[{ required: true }]}>
            <Select data-testid="id-type" options={ID_TYPES.map((k) => ({ value: k, label: t(`papers.idTypes.${k}`) }))} />
          </Form.Item>
          <Form.Item name="id_no" label={t("papers.fields.id_no")} rules={[{ required: true, whitespace: true }, { max: 20 }]}>
            <Input data-testid="id-no" autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
