import { Checkbox, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Policy } from "./pricing.ts";

/** 优惠政策: the standing discounts a consultant may apply without approval (at most one non-stackable). */
export function PolicyChecklist({ policies, value, onChange }: { policies: Policy[]; value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  if (!policies.length) return <Typography.Text type="secondary">{t("deals.policies.none")}</Typography.Text>;
  return (
    <Checkbox.Group value={value} onChange={(ids) => onChange?.(ids as string[])} data-testid="policies">
      <Space direction="vertical" size={4}>
        {policies.map((p) => (
          <Checkbox key={p.id} value={p.id}>
            {p.name}
            {p.stackable && (
              <Tag color="green" style={{ marginInlineStart: 8 }}>
                {t("deals.policies.stackable")}
              </Tag>
            )}
            {p.note && <Typography.Text type="secondary"> {p.note}</Typography.Text>}
          </Checkbox>
        ))}
      </Space>
    </Checkbox.Group>
  );
}
