import { Edit, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MorningMeetingFields } from "./form-fields.tsx";
import type { MorningMeeting } from "./types.ts";

/** 编辑晨会记录 (managers). */
export default function MorningMeetingEdit() {
  const { project } = useCurrentProject();
  const { people } = useProjectStaff(project?.projectId);
  const { formProps, saveButtonProps } = useForm<MorningMeeting>({
    redirect: "show",
    meta: { select: "id, held_on, host_id, attendance, content, targets" },
  });
  return (
    <Edit saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <MorningMeetingFields people={people} />
      </Form>
    </Edit>
  );
}
