import { Space, Typography } from "antd";
import { RoleTags } from "../../components/role-tags.tsx";
import { sortRoles } from "../../session/roles.ts";
import type { StaffMember } from "./types.ts";

/** 云栖雅苑：置业顾问 销售经理 — one line per project. */
export function ProjectRoles({ rows }: { rows: StaffMember["staff_projects"] }) {
  const byProject = new Map<string, { name: string; roles: StaffMember["staff_projects"][number]["role"][] }>();
  for (const row of rows) {
    const entry = byProject.get(row.project_id) ?? { name: row.projects?.name ?? row.project_id, roles: [] };
    entry.roles.push(row.role);
    byProject.set(row.project_id, entry);
  }
  if (!byProject.size) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {[...byProject.values()].map((p) => (
        <span key={p.name}>
          <Typography.Text type="secondary">{p.name}：</Typography.Text>
          <RoleTags roles={sortRoles(p.roles)} />
        </span>
      ))}
    </Space>
  );
}
