import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import dayjs from "dayjs";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MorningMeetingFields } from "./form-fields.tsx";
import type { MorningMeeting } from "./types.ts";

/** 记录晨会 (managers): today's meeting by default, chaired by whoever writes it. */
export default function MorningMeetingCreate() {
  const { project, identity } = useCurrentProject();
  const { people } = useProjectStaff(project?.projectId);
  const { formProps, saveButtonProps } = useForm<MorningMeeting>({ redirect: "show" });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        initialValues={{ held_on: dayjs().format("YYYY-MM-DD"), host_id: identity?.id }}
        onFinish={(values) => formProps.onFinish?.({ ...(values as object), project_id: project?.projectId })}
      >
        <MorningMeetingFields people={people} />
      </Form>
    </Create>
  );
}
