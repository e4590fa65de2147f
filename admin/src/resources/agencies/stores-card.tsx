import { useCreate, useList, useUpdate } from "@refinedev/core";
import { Button, Card, Form, Input, Modal, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AgencyStore } from "./types.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";

interface StoreValues {
  name: string;
  address?: string;
  active: boolean;
}

/** 门店 of an agency; channel managers add and edit them in place (RLS allows, a trigger audits). */
export function StoresCard({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const canEdit = useAllowed("agencies", "edit");
  const [editing, setEditing] = useState<AgencyStore | "new" | null>(null);
  const [form] = Form.useForm<StoreValues>();
  const { result, query } = useList<AgencyStore>({
    resource: "agency_stores",
    pagination: { mode: "off" },
    filters: [{ field: "agency_id", operator: "eq", value: agencyId }],
    sorters: [{ field: "name", order: "asc" }],
  });
  const { mutate: create, mutation: creating } = useCreate<AgencyStore>();
  const { mutate: update, mutation: updating } = useUpdate<AgencyStore>();

  const open = (store: AgencyStore | "new") => {
    setEditing(store);
    form.setFieldsValue(store === "new" ? { name: "", address: "", active: true } : { name: store.name, address: store.address ?? "", active: store.active });
  };
  const save = (values: StoreValues) => {
    const done = { onSuccess: () => setEditing(null) };
    const fields = { name: values.name.trim(), address: values.address?.trim() || null, active: values.active };
    if (editing === "new") {
      create({ resource: "agency_stores", values: { ...fields, agency_id: agencyId }, successNotification: () => ({ type: "success", message: t("agencies.stores.saved") }) }, done);
    } else if (editing) {
      update({ resource: "agency_stores", id: editing.id, values: fields, successNotification: () => ({ type: "success", message: t("agencies.stores.saved") }) }, done);
    }
  };

  return (
    <Card
      title={t("agencies.stores.title")}
      size="small"
      extra={
        canEdit && (
          <Button size="small" onClick={() => open("new")} data-testid="add-store">
            {t("agencies.stores.add")}
          </Button>
        )
      }
    >
      <Table<AgencyStore> dataSource={result.data} loading={query.isLoading} rowKey="id" size="small" pagination={false} data-testid="stores-table">
        <Table.Column<AgencyStore> dataIndex="name" title={t("agencies.stores.name")} />
        <Table.Column<AgencyStore> dataIndex="address" title={t("agencies.stores.address")} render={(v) => v ?? "—"} />
        <Table.Column<AgencyStore>
          dataIndex="active"
          title={t("agencies.fields.active")}
          render={(v: boolean) => <Tag color={v ? "success" : "default"}>{t(v ? "agencies.stores.open" : "agencies.stores.closed")}</Tag>}
        />
        {canEdit && (
          <Table.Column<AgencyStore>
            dataIndex="actions"
            title={t("table.actions")}
            render={(_, store) => (
              <Button size="small" type="link" onClick={() => open(store)}>
                {t("buttons.edit")}
              </Button>
            )}
          />
        )}
      </Table>
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("agencies.stores.add") : t("agencies.stores.edit")}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={creating.isPending || updating.isPending}
        forceRender
      >
        <Form<StoreValues> form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t("agencies.stores.name")} rules={[{ required: true, whitespace: true, message: t("agencies.stores.nameRequired") }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label={t("agencies.stores.address")}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="active" label={t("agencies.fields.active")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
