import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { ProjectBasicFields } from "./basic-fields.tsx";
import type { Project } from "./types.ts";

/** 新建项目 (admins): the basics; rule settings start at the database defaults. */
export default function ProjectCreate() {
  const { formProps, saveButtonProps } = useForm<Project>({ redirect: "show" });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <ProjectBasicFields />
      </Form>
    </Create>
  );
}
