import { App, Button, Input, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { WorkDiary } from "./types.ts";

/**
 * 批阅: the managers' 已阅 marks on an entry with their comments; a manager (not the author) marks
 * it or changes their comment (review_work_diary).
 */
export function DiaryReviewCell({ diary, manager, nameOf }: { diary: WorkDiary; manager: boolean; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { identity } = useCurrentProject();
  const [open, setOpen] = useState(false);
  const mine = diary.reviews.find((r) => r.reviewed_by === identity?.id);
  const [comment, setComment] = useState("");
  const review = useRpc("review_work_diary");
  const save = async () => {
    if (!(await review.call({ p_diary_id: diary.id, p_comment: comment }).then(() => true, () => false))) return;
    message.success(t("work_diaries.review.saved"));
    setOpen(false);
  };
  return (
    <Space direction="vertical" size={2} data-testid={`diary-review-${diary.id}`}>
      {diary.reviews.map((r) => (
        <span key={r.reviewed_by}>
          <Tag color="green">{t("work_diaries.review.read", { name: nameOf(r.reviewed_by) })}</Tag>
          {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
        </span>
      ))}
      {diary.reviews.length === 0 && <Typography.Text type="secondary">{t("work_diaries.review.unread")}</Typography.Text>}
      {manager && diary.staff_id !== identity?.id && (
        <Button size="small" onClick={() => { setComment(mine?.comment ?? ""); setOpen(true); }} data-testid={`review-diary-${diary.id}`}>
          {mine ? t("work_diaries.review.change") : t("work_diaries.review.mark")}
        </Button>
      )}
      {open && (
        <Modal open title={t("work_diaries.review.title")} onCancel={() => setOpen(false)} onOk={save} okText={t("work_diaries.review.mark")}
          okButtonProps={{ loading: review.pending, ...{ "data-testid": "save-diary-review" } }}>
          <RpcError error={review.error} />
          <Input.TextArea rows={3} maxLength={1000} showCount value={comment} onChange={(e) => setComment(e.target.value)}
            placeholder={t("work_diaries.review.comment")} data-testid="diary-review-comment" />
        </Modal>
      )}
    </Space>
  );
}
