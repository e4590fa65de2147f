import { Card, Descriptions, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { formatWan } from "@so/shared/money";
import { CustomerStatusTag, GradeTag, PoolTag } from "../../components/customers/customer-tags.tsx";
import type { CustomerRow } from "../../components/customers/types.ts";
import { CustomerIdDocument } from "./id-document.tsx";

const date = (at: string | null | undefined, withTime = false) => (at ? dayjs(at).format(withTime ? "YYYY-MM-DD HH:mm" : "YYYY-MM-DD") : "—");

/** The customer's card: who, what they need, and whose they are until when. */
export function CustomerProfile({ customer: c, canWork = false, canReveal = canWork }: { customer: CustomerRow; canWork?: boolean; canReveal?: boolean }) {
  const { t } = useTranslation();
  const area =
    c.area_min || c.area_max ? `${c.area_min ?? "?"}–${c.area_max ?? "?"} ㎡` : null;
  const expires = c.ownership_expires_at && !c.in_pool && !c.ownership_expires_at.startsWith("infinity") ? c.ownership_expires_at : null;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small" title={t("customers.sections.basic")}>
        <Descriptions column={1} size="small" data-testid="customer-profile">
          <Descriptions.Item label={t("customers.fields.phone")}>
            <Typography.Text copyable>{c.phone}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("papers.idDocument.title")}>
            <CustomerIdDocument customerId={c.id} idType={c.id_type} masked={c.id_no_masked} canEdit={canWork} canReveal={canReveal} />
          </Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.gender")}>{c.gender ? t(`customers.genders.${c.gender}`) : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.source")}>{t(`customers.sources.${c.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.grade")}>
            <GradeTag grade={c.grade} /> {c.grade && <Typography.Text type="secondary">{t(`customers.grades.${c.grade}`)}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.status")}>
            <CustomerStatusTag status={c.status} />
            {c.status === "lost" && c.lost_reason && <Typography.Text type="secondary">{c.lost_reason}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.created_at")}>{date(c.created_at, true)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t("customers.sections.needs")}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("customers.fields.rooms")}>{c.rooms !== null ? `${c.rooms} ${t("customers.units.rooms")}` : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.area")}>{area ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.budget")}>{c.budget_max !== null ? formatWan(String(c.budget_max)) : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.purpose")}>{c.purpose ? t(`customers.purposes.${c.purpose}`) : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.note")}>{c.note ?? "—"}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t("customers.sections.ownership")}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("customers.fields.owner")}>
            <span data-testid="customer-owner">{c.owner_name ?? "—"}</span> {c.in_pool && <PoolTag />}
          </Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.owned_since")}>{date(c.owned_since)}</Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.last_follow_up_at")}>
            <Space size={8} wrap>
              {c.last_follow_up_at ? date(c.last_follow_up_at, true) : t("customers.never")}
              <Typography.Text type="secondary">{!c.last_follow_up_at ? t("customers.registeredDays", { days: c.idle_days }) : c.idle_days === 0 ? t("customers.followedToday") : t("customers.idle", { days: c.idle_days })}</Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("customers.fields.ownership_expires_at")}>
            {c.in_pool ? t("customers.pool.lapsed") : expires ? date(expires) : t("customers.pool.neverLapses")}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
