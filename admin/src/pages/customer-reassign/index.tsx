import { useTable } from "@refinedev/antd";
import { Alert, Button, Card, Col, Form, Input, Popconfirm, Result, Row, Select, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reassignCustomersInput } from "@so/shared/schemas/customers";
import { CustomerLink } from "../../components/customers/customer-link.tsx";
import { CustomerStatusTag, GradeTag, PoolTag } from "../../components/customers/customer-tags.tsx";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import type { CustomerRow } from "../../components/customers/types.ts";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../../components/customers/zod-form.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

interface Values {
  p_from_staff?: string;
  p_to_staff?: string;
  p_reason?: string;
}

/**
 * 转移客户 (managers): move a consultant's customers to a colleague, e.g. when someone leaves —
 * all of them, or only those ticked. reassign_customers audits each one.
 */
export default function CustomerReassignPage() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const from = Form.useWatch("p_from_staff", form);
  const [selected, setSelected] = useState<string[]>([]);
  const [done, setDone] = useState<{ count: number; to: string } | null>(null);
  const { consultants, nameOf } = useProjectStaff();
  const reassign = useProjectRpc("reassign_customers");

  const submit = async (values: Values) => {
    const parsed = parseWith(reassignCustomersInput, form, {
      ...values,
      p_reason: values.p_reason ?? "",
      p_customer_ids: selected.length ? selected : null,
    });
    if (!parsed.ok) return;
    const result = await reassign.call(parsed.data).catch(() => null);
    if (result) {
      setDone({ count: result.count, to: nameOf(parsed.data.p_to_staff) });
      setSelected([]);
    }
  };

  if (!project) return null;
  return (
    <Card title={t("customer_reassign.titles.list")}>
      {done && (
        <Result
          status="success"
          title={<span data-testid="reassign-done">{t("customer_reassign.done", { count: done.count, name: done.to })}</span>}
          extra={<Button onClick={() => setDone(null)}>{t("customer_reassign.again")}</Button>}
        />
      )}
      <div style={{ display: done ? "none" : undefined }}>
        <Typography.Paragraph type="secondary">{t("customer_reassign.help")}</Typography.Paragraph>
        <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit}>
          <RpcError error={reassign.error} />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="p_from_staff" label={t("customer_reassign.fields.from")} required>
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder={t("customer_reassign.placeholders.from")}
                  onChange={() => setSelected([])}
                  options={consultants.map((s) => ({ value: s.id, label: s.active ? s.name : t("customers.filters.inactive", { name: s.name }) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="p_to_staff" label={t("customer_reassign.fields.to")} required>
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder={t("customer_reassign.placeholders.to")}
                  options={consultants.filter((s) => s.active && s.id !== from).map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="p_reason" label={t("customer_reassign.fields.reason")} required>
                <Input maxLength={500} placeholder={t("customer_reassign.placeholders.reason")} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {from ? (
          <OwnedCustomers key={from} projectId={project.projectId} ownerId={from} selected={selected} onSelect={setSelected} />
        ) : (
          <Alert type="info" showIcon message={t("customer_reassign.pickFrom")} />
        )}
        <div style={{ marginTop: 16, textAlign: "right" }}>
          <Popconfirm
            title={selected.length ? t("customer_reassign.confirmSome", { count: selected.length }) : t("customer_reassign.confirmAll")}
            onConfirm={() => form.submit()}
          >
            <Button type="primary" disabled={!from} loading={reassign.pending}>
              {selected.length ? t("customer_reassign.submitSome", { count: selected.length }) : t("customer_reassign.submitAll")}
            </Button>
          </Popconfirm>
        </div>
      </div>
    </Card>
  );
}

/** The customers the source consultant owns (lapsed ones included: they are still theirs). */
function OwnedCustomers({ projectId, ownerId, selected, onSelect }: { projectId: string; ownerId: string; selected: string[]; onSelect: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const { tableProps } = useTable<CustomerRow>({
    resource: "customer_list",
    syncWithLocation: false,
    pagination: { pageSize: 10 },
    filters: {
      permanent: [
        { field: "owner_id", operator: "eq", value: ownerId },
      ],
    },
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    meta: { select: "id, name, phone, grade, status, in_pool, idle_days, last_follow_up_at, created_at" },
  });
  const total = tableProps.pagination ? tableProps.pagination.total : undefined;
  return (
    <>
      <Typography.Paragraph strong>{t("customer_reassign.owned", { count: total ?? 0 })}</Typography.Paragraph>
      <Table
        {...tableProps}
        rowKey="id"
        size="small"
        data-testid="reassign-table"
        rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => onSelect(keys as string[]) }}
      >
        <Table.Column<CustomerRow>
          dataIndex="name"
          title={t("customers.fields.name")}
          render={(name: string, c) => (
            <>
              <CustomerLink id={c.id}>{name}</CustomerLink> {c.in_pool && <PoolTag />}
            </>
          )}
        />
        <Table.Column<CustomerRow> dataIndex="phone" title={t("customers.fields.phone")} />
        <Table.Column<CustomerRow> dataIndex="grade" title={t("customers.fields.grade")} render={(g) => <GradeTag grade={g} />} />
        <Table.Column<CustomerRow> dataIndex="status" title={t("customers.fields.status")} render={(s) => <CustomerStatusTag status={s} />} />
        <Table.Column<CustomerRow>
          dataIndex="last_follow_up_at"
          title={t("customers.fields.last_follow_up_at")}
          render={(at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD") : t("customers.never"))}
        />
      </Table>
    </>
  );
}
