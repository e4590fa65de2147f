import { Create } from "@refinedev/antd";
import { useCustomMutation, useGo, type HttpError } from "@refinedev/core";
import { Alert, Button, Form, Input, Result, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RoleAssignmentsField } from "../../components/staff/role-assignments-field.tsx";
import { invitationLink } from "../../components/staff/sign-up-link.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { Role } from "../../session/roles.ts";

interface Values {
  email: string;
  name: string;
  roles: { project_id: string; role: Role }[];
}

const FIELD_OF: Record<string, keyof Values> = {
  invalid_email: "email",
  already_registered: "email",
  name_required: "name",
  roles_required: "roles",
  invalid_role: "roles",
  project_not_found: "roles",
  not_project_admin: "roles",
};

/**
 * 邀请员工: email, name and roles per project (invite_staff). The page shows the invitation link
 * (with its one-time token) to send; whoever opens it signed in with that email gets exactly
 * these roles (accept_invitation).
 */
export default function StaffInvite() {
  const { t } = useTranslation();
  const go = useGo();
  const { project } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [invited, setInvited] = useState<{ email: string; name: string; expires_at: string; token: string } | null>(null);
  const { mutate, mutation } = useCustomMutation<{ email: string; name: string; expires_at: string; token: string }>();

  const invite = (values: Values) => {
    setRefusal(null);
    mutate(
      {
        url: "rpc/invite_staff",
        method: "post",
        values: { p_email: values.email.trim(), p_name: values.name.trim(), p_roles: values.roles },
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: ({ data }) => setInvited(data),
        onError: (error: HttpError) => {
          const field = FIELD_OF[String(error.details ?? "")];
          if (field === "roles") setRefusal(error.message);
          else if (field) form.setFields([{ name: field, errors: [error.message] }]);
          else setRefusal(error.message);
        },
      },
    );
  };

  if (invited) {
    return (
      <Create title={t("staff.titles.create")} contentProps={{ actions: [] }}>
        <Result
          status="success"
          title={<span data-testid="invite-done">{t("staff.invited", { name: invited.name, email: invited.email })}</span>}
          subTitle={t("staff.invitedHint", { date: invited.expires_at.slice(0, 10) })}
          extra={[
            <Button type="primary" key="list" onClick={() => go({ to: { resource: "staff_invitation_list", action: "list" } })}>
              {t("staff.toInvitations")}
            </Button>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields();
                setInvited(null);
              }}
            >
              {t("staff.inviteAnother")}
            </Button>,
          ]}
        >
          <Typography.Paragraph style={{ textAlign: "center", marginBottom: 0 }}>
            {t("staff.signUpLink")}
            <Typography.Text copyable code data-testid="sign-up-link">
              {invitationLink(invited.token, invited.email)}
            </Typography.Text>
          </Typography.Paragraph>
        </Result>
      </Create>
    );
  }

  return (
    <Create saveButtonProps={{ onClick: () => form.submit(), loading: mutation.isPending, children: t("staff.sendInvite") }}>
      <Typography.Paragraph type="secondary">{t("staff.inviteIntro")}</Typography.Paragraph>
      {refusal && <Alert type="error" showIcon message={refusal} role="alert" data-testid="invite-error" style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={invite}
        onValuesChange={() => setRefusal(null)}
        initialValues={{ roles: project ? [{ project_id: project.projectId, role: "consultant" }] : [] }}
      >
        <Form.Item name="email" label={t("staff.fields.email")} rules={[{ required: true, type: "email", message: t("staff.errors.email") }]}>
          <Input maxLength={200} autoComplete="off" placeholder="name@example.com" />
        </Form.Item>
        <Form.Item name="name" label={t("staff.fields.name")} rules={[{ required: true, whitespace: true, message: t("staff.errors.nameRequired") }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t("staff.fields.rolesPerProject")} required>
          <RoleAssignmentsField />
        </Form.Item>
      </Form>
    </Create>
  );
}
