import type { ViewRow, With } from "../../lib/db-rows.ts";
import { CreateButton, DateField, List, useTable } from "@refinedev/antd";
import { useCustomMutation, useInvalidate, type HttpError } from "@refinedev/core";
import { App, Button, Form, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { RoleTags } from "../../components/role-tags.tsx";
import type { Role } from "../../session/roles.ts";
import { TwoLines } from "../../components/two-lines.tsx";

type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

type InvitationRow = With<
  ViewRow<"staff_invitation_list", "invited_by" | "invited_by_name" | "accepted_at" | "accepted_user_id" | "revoked_at">,
  { status: InvitationStatus; roles: { project_id: string; project_name: string | null; role: Role }[] }
>;

const COLORS: Record<InvitationStatus, string> = { pending: "processing", accepted: "success", expired: "default", revoked: "default" };

/** 员工邀请: who was invited with which roles, accepted or not; 撤销 a pending one. */
export default function InvitationList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const { mutate, mutation } = useCustomMutation();
  const { tableProps, searchFormProps } = useTable<InvitationRow, never, { status?: InvitationStatus }>({
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    onSearch: ({ status }) => [{ field: "status", operator: "eq", value: status || undefined }],
  });

  const revoke = (row: InvitationRow) =>
    mutate(
      { url: "rpc/revoke_invitation", method: "post", values: { p_invitation_id: row.id }, successNotification: false, errorNotification: false },
      {
        onSuccess: () => {
          void message.success(t("staff_invitation_list.revoked", { email: row.email }));
          void invalidate({ resource: "staff_invitation_list", invalidates: ["list"] });
        },
        onError: (error: HttpError) => void message.error(error.message),
      },
    );

  return (
    <List headerButtons={<CreateButton resource="staff">{t("staff.invite")}</CreateButton>}>
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item name="status" label={t("staff_invitation_list.fields.status")}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t("staff.filters.all")}
            options={(["pending", "accepted", "expired", "revoked"] as const).map((s) => ({ value: s, label: t(`staff_invitation_list.statuses.${s}`) }))}
            onChange={() => searchFormProps.form?.submit()}
          />
        </Form.Item>
      </Form>
      <Table {...tableProps} rowKey="id" data-testid="invitations-table">
        <Table.Column<InvitationRow>
          dataIndex="email"
          title={t("staff_invitation_list.fields.person")}
          render={(_, r) => <TwoLines main={r.name} sub={r.email} strong />}
        />
        <Table.Column<InvitationRow>
          dataIndex="roles"
          title={t("staff_invitation_list.fields.roles")}
          render={(roles: InvitationRow["roles"]) => (
            <Space direction="vertical" size={2}>
              {roles.map((r) => (
                <span key={`${r.project_id}-${r.role}`}>
                  <Typography.Text type="secondary">{r.project_name ?? r.project_id}：</Typography.Text>
                  <RoleTags roles={[r.role]} />
                </span>
              ))}
            </Space>
          )}
        />
        <Table.Column<InvitationRow>
          dataIndex="status"
          title={t("staff_invitation_list.fields.status")}
          render={(v: InvitationStatus) => <Tag color={COLORS[v]}>{t(`staff_invitation_list.statuses.${v}`)}</Tag>}
        />
        <Table.Column<InvitationRow> dataIndex="invited_by_name" title={t("staff_invitation_list.fields.invited_by")} render={(v) => v ?? "—"} />
        <Table.Column<InvitationRow> dataIndex="created_at" title={t("staff_invitation_list.fields.created_at")} render={(v) => <DateField value={v} format="YYYY-MM-DD HH:mm" />} />
        <Table.Column<InvitationRow>
          dataIndex="expires_at"
          title={t("staff_invitation_list.fields.expires_at")}
          render={(v: string, r) => (r.status === "accepted" && r.accepted_at ? t("staff_invitation_list.acceptedOn", { date: r.accepted_at.slice(0, 10) }) : <DateField value={v} format="YYYY-MM-DD HH:mm" />)}
        />
        <Table.Column<InvitationRow>
          title={t("table.actions")}
          dataIndex="actions"
          render={(_, r) =>
            r.status === "pending" && (
              <Space>
                <Popconfirm title={t("staff_invitation_list.revokeConfirm", { email: r.email })} okButtonProps={{ danger: true }} onConfirm={() => revoke(r)}>
                  <Button size="small" danger loading={mutation.isPending}>
                    {t("staff_invitation_list.revoke")}
                  </Button>
                </Popconfirm>
              </Space>
            )
          }
        />
      </Table>
    </List>
  );
}
