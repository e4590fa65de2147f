import { PlusOutlined } from "@ant-design/icons";
import { useGo, type HttpError } from "@refinedev/core";
import { Alert, Button, DatePicker, Form, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";

/** 生成例会纪要 (managers): pick a week; generate_weekly_minutes() creates them or updates their numbers. */
export function GenerateMinutesButton() {
  const { t } = useTranslation();
  const go = useGo();
  const can = useAllowed("weekly_minutes", "create");
  const [open, setOpen] = useState(false);
  const [week, setWeek] = useState<Dayjs>(dayjs());
  const { call, pending, error, reset } = useProjectRpc("generate_weekly_minutes");
  if (!can) return null;
  const generate = async () => {
    try {
      const result = await call({ p_week: week.format("YYYY-MM-DD") });
      setOpen(false);
      go({ to: `/weekly_minutes/show/${result.minutes_id}` });
    } catch {
      // shown below, next to the picker
    }
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => (reset(), setOpen(true))} data-testid="generate-minutes">
        {t("weekly_minutes.generate")}
      </Button>
      <Modal
        open={open}
        title={t("weekly_minutes.generateTitle")}
        okText={t("weekly_minutes.generate")}
        confirmLoading={pending}
        onOk={generate}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t("weekly_minutes.generateHelp")}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t("weekly_minutes.generateWeek")}>
            <DatePicker picker="week" value={week} allowClear={false} onChange={(d) => d && setWeek(d)} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={(error as HttpError).message} />}
      </Modal>
    </>
  );
}
