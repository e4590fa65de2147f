import { useCustomMutation, type HttpError } from "@refinedev/core";
import { Alert, App, Button, Card, Form, Popconfirm, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RoleSelect } from "../../components/staff/role-select.tsx";
import { useProjectOptions } from "../../components/staff/use-projects.ts";
import { sortRoles, type Role } from "../../session/roles.ts";
import type { StaffMember } from "./types.ts";

interface ProjectRow {
  projectId: string;
  projectName: string;
  roles: Role[];
}

/** 角色: the person's roles per project; add one (add_staff_role), remove one (remove_staff_role). */
export function RolesCard({ member, onChange }: { member: StaffMember; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ project_id: string; role: Role }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { options } = useProjectOptions();
  const { mutate, mutation } = useCustomMutation();

  const rows: ProjectRow[] = [];
  for (const sp of member.staff_projects) {
    const row = rows.find((r) => r.projectId === sp.project_id);
    if (row) row.roles = sortRoles([...row.roles, sp.role]);
    else rows.push({ projectId: sp.project_id, projectName: sp.projects?.name ?? sp.project_id, roles: [sp.role] });
  }

  const call = (fn: "add_staff_role" | "remove_staff_role", projectId: string, role: Role, done: string) => {
    setRefusal(null);
    mutate(
      { url: `rpc/${fn}`, method: "post", values: { p_staff_id: member.id, p_project_id: projectId, p_role: role }, successNotification: false, errorNotification: false },
      {
        onSuccess: () => {
          void message.success(done);
          if (fn === "add_staff_role") form.resetFields(["role"]);
          onChange();
        },
        onError: (error: HttpError) => setRefusal(error.message),
      },
    );
  };

  return (
    <Card title={t("staff.rolesTitle")} size="small" data-testid="roles-card">
      {refusal && <Alert type="error" showIcon message={refusal} role="alert" data-testid="roles-error" style={{ marginBottom: 12 }} />}
      <Table<ProjectRow> dataSource={rows} rowKey="projectId" size="small" pagination={false} locale={{ emptyText: t("staff.noRoles") }}>
        <Table.Column<ProjectRow> dataIndex="projectName" title={t("staff.fields.project")} width={200} />
        <Table.Column<ProjectRow>
          dataIndex="roles"
          title={t("staff.fields.roles")}
          render={(roles: Role[], row) => (
            <Space size={[4, 4]} wrap>
              {roles.map((role) => (
                <Popconfirm
                  key={role}
                  title={t("staff.removeRoleConfirm", { role: t(`roles.${role}`), project: row.projectName })}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => call("remove_staff_role", row.projectId, role, t("staff.roleRemoved"))}
                >
                  <Tag closable onClose={(e) => e.preventDefault()} style={{ cursor: "pointer" }} data-testid={`role-${row.projectId}-${role}`}>
                    {t(`roles.${role}`)}
                  </Tag>
                </Popconfirm>
              ))}
            </Space>
          )}
        />
      </Table>
      <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={(v) => call("add_staff_role", v.project_id, v.role, t("staff.roleAdded"))}>
        <Form.Item name="project_id" rules={[{ required: true, message: t("staff.errors.projectRequired") }]} initialValue={rows[0]?.projectId}>
          <Select style={{ width: 220 }} options={options} placeholder={t("staff.fields.project")} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="role" rules={[{ required: true, message: t("staff.errors.roleRequired") }]}>
          <RoleSelect style={{ width: 150 }} placeholder={t("staff.fields.role")} />
        </Form.Item>
        <Button htmlType="submit" loading={mutation.isPending} data-testid="add-role">
          {t("staff.addRole")}
        </Button>
      </Form>
    </Card>
  );
}
