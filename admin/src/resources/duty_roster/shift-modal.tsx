import { useCreate, useDelete, useUpdate } from "@refinedev/core";
import { SHIFTS, type Shift } from "@so/shared/schemas/office";
import { Alert, AutoComplete, Button, Form, Input, Modal, Popconfirm, Radio, Space } from "antd";
import dayjs from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSaveThenClose } from "../../hooks/use-save-then-close.ts";
import type { RosterEntry } from "./types.ts";

export interface ShiftTarget {
  staffId: string;
  name: string;
  day: string;
  entry?: RosterEntry;
}

interface Values {
  shift: Shift;
  post?: string;
  note?: string;
}

/** Assign, change or remove one person's shift on one day (managers; the database checks). */
export function ShiftModal({ projectId, target, onClose }: { projectId: string; target: ShiftTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { mutateAsync: create } = useCreate();
  const { mutateAsync: update } = useUpdate();
  const { mutateAsync: remove } = useDelete();
  const { saving, error, clearError, run } = useSaveThenClose(onClose);

  useEffect(() => {
    clearError();
    if (target) form.setFieldsValue({ shift: target.entry?.shift ?? "early", post: target.entry?.post ?? undefined, note: target.entry?.note ?? undefined });
  }, [target, form, clearError]);

  const save = (values: Values) =>
    run(() => {
      const fields = { shift: values.shift, post: values.post?.trim() || null, note: values.note?.trim() || null };
      return target?.entry
        ? update({ resource: "duty_roster", id: target.entry.id, values: fields, successNotification: () => ({ message: t("duty_roster.saved"), type: "success" }), errorNotification: false })
        : create({
            resource: "duty_roster",
            values: { ...fields, project_id: projectId, staff_id: target!.staffId, day: target!.day },
            successNotification: () => ({ message: t("duty_roster.saved"), type: "success" }),
            errorNotification: false,
          });
    });

  return (
    <Modal
      open={target !== null}
      title={target ? t("duty_roster.editTitle", { name: target.name, day: dayjs(target.day).format(t("reports.formats.dayWithWeek")) }) : ""}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {target?.entry && (
            <Popconfirm
              title={t("duty_roster.removeConfirm")}
              onConfirm={() =>
                run(() =>
                  remove({ resource: "duty_roster", id: target.entry!.id, successNotification: () => ({ message: t("duty_roster.removed"), type: "success" }), errorNotification: false }),
                )
              }
            >
              <Button danger>{t("duty_roster.remove")}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t("buttons.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("buttons.save")}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="shift" label={t("duty_roster.fields.shift")} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={SHIFTS.map((s) => ({ value: s, label: t(`reports.shifts.${s}`) }))} />
        </Form.Item>
        <Form.Item name="post" label={t("duty_roster.fields.post")} rules={[{ max: 50 }]}>
          <AutoComplete options={(t("duty_roster.posts", { returnObjects: true }) as string[]).map((p) => ({ value: p }))} />
        </Form.Item>
        <Form.Item name="note" label={t("duty_roster.fields.note")} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="shift-error" />}
    </Modal>
  );
}
