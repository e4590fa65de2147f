import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { RoleSelect } from "./role-select.tsx";
import { useProjectOptions } from "./use-projects.ts";

/** Roles per project for an invitation: rows of 项目 + 角色 (`p_roles` = [{project_id, role}]). */
export function RoleAssignmentsField({ name = "roles" }: { name?: string }) {
  const { t } = useTranslation();
  const { options, isLoading } = useProjectOptions();
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, rows?: unknown[]) => {
            if (!rows?.length) throw new Error(t("staff.errors.rolesRequired"));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Space key={field.key} align="baseline" wrap data-testid={`role-row-${index}`}>
              <Form.Item name={[field.name, "project_id"]} rules={[{ required: true, message: t("staff.errors.projectRequired") }]}>
                <Select style={{ width: 260 }} loading={isLoading} options={options} placeholder={t("staff.fields.project")} showSearch optionFilterProp="label" />
              </Form.Item>
              <Form.Item name={[field.name, "role"]} rules={[{ required: true, message: t("staff.errors.roleRequired") }]}>
                <RoleSelect style={{ width: 160 }} placeholder={t("staff.fields.role")} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t("buttons.delete")} />
            </Space>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ project_id: options[0]?.value })} data-testid="add-role-row">
              {t("staff.addRole")}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
