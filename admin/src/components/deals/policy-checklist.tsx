import { Checkbox, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Policy, PolicyOption } from "./pricing.ts";

/**
 * 优惠政策: the standing discounts a consultant may apply without approval (at most one
 * non-stackable). With `options` (policy_options()), a policy the deal does not qualify for is
 * disabled and shows the database's reason (e.g. 仅适用于一次性付款).
 */
export function PolicyChecklist({
  policies,
  options = [],
  value,
  onChange,
}: {
  policies: Policy[];
  options?: readonly PolicyOption[];
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  if (!policies.length) return <Typography.Text type="secondary">{t("deals.policies.none")}</Typography.Text>;
  const unfit = new Map(options.filter((o) => !o.applicable).map((o) => [o.id, o.reason]));
  return (
    <Checkbox.Group value={value} onChange={(ids) => onChange?.(ids as string[])} data-testid="policies">
      <Space direction="vertical" size={4}>
        {policies.map((p) => (
          <Checkbox key={p.id} value={p.id} disabled={unfit.has(p.id) && !value?.includes(p.id)} data-testid={`policy-${p.id}`}>
            {p.name}
            {p.stackable && (
              <Tag color="green" style={{ marginInlineStart: 8 }}>
                {t("deals.policies.stackable")}
              </Tag>
            )}
            {unfit.has(p.id) ? (
              <Typography.Text type="warning" data-testid="policy-unfit">
                {" "}
                {unfit.get(p.id)}
              </Typography.Text>
            ) : (
              p.note && <Typography.Text type="secondary"> {p.note}</Typography.Text>
            )}
          </Checkbox>
        ))}
      </Space>
    </Checkbox.Group>
  );
}
