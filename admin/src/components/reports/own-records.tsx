import { Create, DeleteButton, EditButton, useForm } from "@refinedev/antd";
import { Form, Space, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";

/**
 * Pieces shared by the records each person writes for themselves (值班记录, 工作笔记): the
 * database sets the author and RLS lets only the author change an entry.
 */

/** A long free-text cell, clamped to a few lines. */
export function RecordText({ value, rows, maxWidth }: { value: string | null; rows: number; maxWidth: number }) {
  return (
    <Typography.Paragraph ellipsis={{ rows }} style={{ whiteSpace: "pre-wrap", marginBottom: 0, maxWidth }}>
      {value || "—"}
    </Typography.Paragraph>
  );
}

export function RecordDay({ value }: { value: string }) {
  const { t } = useTranslation();
  return <span style={{ whiteSpace: "nowrap" }}>{dayjs(value).format(t("reports.formats.dayShort"))}</span>;
}

/** Edit and delete, shown on the signed-in person's own rows only. */
export function OwnRecordActions({ id, authorId }: { id: string; authorId: string }) {
  const { identity } = useCurrentProject();
  if (authorId !== identity?.id) return null;
  return (
    <Space>
      <EditButton hideText size="small" recordItemId={id} />
      <DeleteButton hideText size="small" recordItemId={id} />
    </Space>
  );
}

/** A new entry for today in the current project; `children` are the record's fields. */
export function OwnRecordCreate({ children }: { children: ReactNode }) {
  const { project } = useCurrentProject();
  const { formProps, saveButtonProps } = useForm({ redirect: "list" });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        initialValues={{ day: dayjs().format("YYYY-MM-DD") }}
        onFinish={(values) => formProps.onFinish?.({ ...(values as object), project_id: project?.projectId })}
      >
        {children}
      </Form>
    </Create>
  );
}
