import { Select, type SelectProps } from "antd";
import type { ProjectPerson } from "../../hooks/use-project-staff.ts";

/** Pick a person of the project (for 负责人, 主持人). */
export function StaffSelect({ people, ...props }: { people: ProjectPerson[] } & Omit<SelectProps<string>, "options">) {
  return (
    <Select<string>
      showSearch
      allowClear
      optionFilterProp="label"
      options={people.map((p) => ({ value: p.id, label: p.name }))}
      {...props}
    />
  );
}
