import { useList } from "@refinedev/core";
import { APPROVER_ROLES } from "@so/shared/enums";
import { DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { DbError } from "../../components/deals/db-error.tsx";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";

interface Values {
  delegate: string;
  period: [Dayjs, Dayjs];
  note?: string;
}

/** 新增授权: who approves for me in the project in use, from when to when (delegate_approvals). */
export function DelegateForm({ open, onClose, meId }: { open: boolean; onClose: () => void; meId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { call, error, reset: clearError, pending } = useProjectRpc("delegate_approvals");
  const { result } = useList<{ staff_id: string; role: string; staff: { name: string; active: boolean } | null }>({
    resource: "staff_projects",
    pagination: { mode: "off" },
    // Only approvers of the project in use (the data provider limits the list to it) may decide
    // for me: the database refuses anyone else.
    filters: [{ field: "role", operator: "in", value: APPROVER_ROLES }],
    meta: { select: "staff_id, role, staff(name, active)" },
    queryOptions: { enabled: open },
  });
  const people = new Map<string, { name: string; roles: string[] }>();
  for (const row of result.data) {
    if (row.staff_id === meId || !row.staff?.active) continue;
    const entry = people.get(row.staff_id) ?? { name: row.staff.name, roles: [] };
    entry.roles.push(t(`roles.${row.role}`));
    people.set(row.staff_id, entry);
  }

  const submit = async (values: Values) => {
    await call({
      p_delegate_id: values.delegate,
      p_valid_from: values.period[0].toISOString(),
      p_valid_to: values.period[1].toISOString(),
      p_note: values.note ?? null,
    }).then(
      () => {
        form.resetFields();
        onClose();
      },
      () => undefined,
    );
  };

  return (
    <Modal
      open={open}
      title={t("approval_center.delegations.create")}
      okText={t("approval_center.delegations.submit")}
      onOk={() => form.submit()}
      confirmLoading={pending}
      onCancel={() => {
        clearError();
        onClose();
      }}
      destroyOnHidden
    >
      <DbError error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ period: [dayjs(), dayjs().add(7, "day").endOf("day")] }}>
        <Form.Item name="delegate" label={t("approval_center.delegations.delegate")} rules={[{ required: true, message: t("approval_center.delegations.delegateRequired") }]}>
          <Select
            data-testid="delegate-select"
            showSearch
            optionFilterProp="label"
            placeholder={t("approval_center.delegations.delegatePlaceholder")}
            options={[...people.entries()].map(([id, p]) => ({ value: id, label: `${p.name}（${p.roles.join("、")}）` }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t("approval_center.delegations.period")} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="note" label={t("approval_center.delegations.note")}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t("approval_center.delegations.notePlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
