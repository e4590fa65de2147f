import { CreateButton, DateField, List, useTable } from "@refinedev/antd";
import type { CrudFilters } from "@refinedev/core";
import { Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RoleSelect } from "../../components/staff/role-select.tsx";
import { useProjectOptions } from "../../components/staff/use-projects.ts";
import { ProjectRoles } from "./project-roles.tsx";
import { ActiveTag, ProbationTag } from "./status-tags.tsx";
import { STAFF_SELECT, type StaffMember } from "./types.ts";
import { textSearch } from "../../components/text-search.ts";
import { showEditColumn } from "../../components/show-edit-column.tsx";
import { TwoLines } from "../../components/two-lines.tsx";

interface Search {
  q?: string;
  project_id?: string;
  role?: string;
  active?: "true" | "false";
}

/** 员工: everyone with a login, their roles per project, probation, Telegram, active. */
export default function StaffList() {
  const { t } = useTranslation();
  const { options: projects } = useProjectOptions();
  // Filtering by project or role needs an inner join on the roles, which would hide people
  // without any role: it is only added while such a filter is set.
  const [byMembership, setByMembership] = useState(false);
  const { tableProps, searchFormProps } = useTable<StaffMember, never, Search>({
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "asc" }] },
    meta: { select: byMembership ? `${STAFF_SELECT}, member:staff_projects!inner(project_id, role)` : STAFF_SELECT },
    onSearch: ({ q, project_id, role, active }): CrudFilters => {
      setByMembership(Boolean(project_id || role));
      return [
        { field: "member.project_id", operator: "eq", value: project_id || undefined },
        { field: "member.role", operator: "eq", value: role || undefined },
        { field: "active", operator: "eq", value: active || undefined },
        textSearch(["name", "email", "phone"], q),
      ];
    },
  });
  const submit = () => searchFormProps.form?.submit();

  return (
    <List headerButtons={<CreateButton data-testid="invite-staff">{t("staff.invite")}</CreateButton>}>
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="project_id" label={t("staff.fields.project")}>
          <Select allowClear style={{ width: 200 }} options={projects} placeholder={t("staff.filters.all")} onChange={submit} />
        </Form.Item>
        <Form.Item name="role" label={t("staff.fields.role")}>
          <RoleSelect allowClear style={{ width: 140 }} placeholder={t("staff.filters.all")} onChange={submit} />
        </Form.Item>
        <Form.Item name="active" label={t("staff.fields.active")}>
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t("staff.filters.all")}
            options={[
              { value: "true", label: t("staff.active") },
              { value: "false", label: t("staff.inactive") },
            ]}
            onChange={submit}
          />
        </Form.Item>
        <Form.Item name="q">
          <Input.Search allowClear placeholder={t("staff.filters.search")} style={{ width: 220 }} onSearch={submit} />
        </Form.Item>
      </Form>
      <Table {...tableProps} rowKey="id" data-testid="staff-table">
        <Table.Column<StaffMember>
          dataIndex="name"
          title={t("staff.fields.name")}
          render={(_, s) => <TwoLines main={s.name} sub={s.email} strong />}
        />
        <Table.Column<StaffMember> dataIndex="phone" title={t("staff.fields.phone")} render={(v) => v ?? "—"} />
        <Table.Column<StaffMember> dataIndex="staff_projects" title={t("staff.fields.roles")} render={(rows: StaffMember["staff_projects"]) => <ProjectRoles rows={rows} />} />
        <Table.Column<StaffMember>
          dataIndex="regularised_on"
          title={t("staff.fields.regularised_on")}
          render={(v: string | null, s) => (
            <Space size={4}>
              <ProbationTag onProbation={s.on_probation} />
              {v && <DateField value={v} format="YYYY-MM-DD" />}
            </Space>
          )}
        />
        <Table.Column<StaffMember>
          dataIndex="telegram_user_id"
          title={t("staff.fields.telegram")}
          render={(v: number | null) => (v ? <Tag color="success">{t("staff.telegramBound")}</Tag> : <Typography.Text type="secondary">{t("staff.telegramNotBound")}</Typography.Text>)}
        />
        <Table.Column<StaffMember> dataIndex="active" title={t("staff.fields.active")} render={(v: boolean) => <ActiveTag active={v} />} />
        {showEditColumn<StaffMember>(t("table.actions"))}
      </Table>
    </List>
  );
}
