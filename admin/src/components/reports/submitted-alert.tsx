import { Alert, Space, Tag } from "antd";

/** Who submitted a report and when; amber with a red 逾期 tag when it came after its due date. */
export function SubmittedAlert({ late, text, lateText, testId }: { late: boolean | null; text: string; lateText: string; testId: string }) {
  return (
    <Alert
      type={late ? "warning" : "success"}
      showIcon
      data-testid={testId}
      message={
        <Space>
          {text}
          {late && <Tag color="red">{lateText}</Tag>}
        </Space>
      }
    />
  );
}
