import {
  DollarOutlined,
  ExclamationCircleOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  HistoryOutlined,
  MessageOutlined,
  PercentageOutlined,
  PhoneOutlined,
  ShareAltOutlined,
  ShopOutlined,
  SwapOutlined,
  UserAddOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { Typography } from "antd";
import type { TFunction } from "i18next";
import type { ComponentType, ReactNode } from "react";
import { formatYuan } from "@so/shared/money";
import type { TimelineKind, TimelineRow } from "./types.ts";

export const KIND_STYLE: Record<TimelineKind, { icon: ComponentType<{ style?: React.CSSProperties }>; color: string }> = {
  registered: { icon: UserAddOutlined, color: "#2f54eb" },
  visit: { icon: ShopOutlined, color: "#52c41a" },
  call: { icon: PhoneOutlined, color: "#1677ff" },
  follow_up: { icon: MessageOutlined, color: "#13c2c2" },
  report: { icon: ShareAltOutlined, color: "#722ed1" },
  discount: { icon: PercentageOutlined, color: "#fa8c16" },
  subscription: { icon: FileDoneOutlined, color: "#d4b106" },
  unit_change: { icon: SwapOutlined, color: "#eb2f96" },
  contract: { icon: FileProtectOutlined, color: "#389e0d" },
  payment: { icon: DollarOutlined, color: "#08979c" },
  collision: { icon: WarningOutlined, color: "#f5222d" },
  complaint: { icon: ExclamationCircleOutlined, color: "#fa541c" },
  audit: { icon: HistoryOutlined, color: "#8c8c8c" },
};

const str = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
const money = (v: unknown) => (str(v) ? formatYuan(String(v)) : "—");

/** Label: value pairs, skipping the empty ones, separated by ·. */
function Facts({ items }: { items: [string | null, ReactNode][] }) {
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== "");
  return (
    <div>
      {shown.map(([label, value], i) => (
        <span key={i}>
          {i > 0 && <Typography.Text type="secondary"> · </Typography.Text>}
          {label && <Typography.Text type="secondary">{label}：</Typography.Text>}
          {value}
        </span>
      ))}
    </div>
  );
}

const Quote = ({ text }: { text: string | null }) =>
  text ? <Typography.Paragraph style={{ margin: "4px 0 0", whiteSpace: "pre-wrap" }}>{text}</Typography.Paragraph> : null;

/** The body of one timeline entry, worded per kind. */
export function TimelineBody({ row, t }: { row: TimelineRow; t: TFunction }) {
  const d = row.data;
  const k = `customers.timeline`;
  switch (row.kind) {
    case "registered":
      return <Facts items={[[t("customers.fields.source"), t(`customers.sources.${String(d.source)}`)]]} />;
    case "visit":
      return (
        <>
          <Facts
            items={[
              [null, d.is_first ? t(`${k}.firstVisit`) : t(`${k}.returnVisit`)],
              [t(`${k}.partySize`), str(d.party_size)],
              [t(`${k}.shown`), str(d.shown)],
              [t(`${k}.questions`), str(d.questions)],
              [t(`${k}.intent`), str(d.intent)],
            ]}
          />
          <Quote text={str(d.notes)} />
        </>
      );
    case "call":
      return (
        <>
          <Facts
            items={[
              [t(`${k}.caller`), str(d.caller_name)],
              [t(`${k}.topics`), ((d.topics as string[] | null) ?? []).map((topic) => t(`reception.topics.${topic}`)).join("、") || null],
              [null, d.invited ? t(`${k}.invited`) : t(`${k}.notInvited`)],
            ]}
          />
          <Quote text={str(d.note)} />
        </>
      );
    case "follow_up":
      return (
        <>
          <Facts items={[[t(`${k}.method`), t(`reception.methods.${String(d.method)}`)]]} />
          <Quote text={str(d.content)} />
          <Facts
            items={[
              [t(`${k}.objections`), str(d.objections)],
              [t(`${k}.result`), str(d.result)],
              [t(`${k}.nextDate`), str(d.next_date)],
            ]}
          />
        </>
      );
    case "report":
      return (
        <Facts
          items={[
            [t(`${k}.agency`), [str(d.agency_name), str(d.broker_name)].filter(Boolean).join(" ")],
            [t(`${k}.status`), t(`${k}.statuses.report.${String(d.status)}`)],
            [t(`${k}.visitedAt`), str(d.visited_at)?.slice(0, 16).replace("T", " ") ?? null],
            [t(`${k}.protectedUntil`), str(d.protected_until)?.slice(0, 10) ?? null],
            [t(`${k}.invalidReason`), str(d.invalid_reason_text)],
          ]}
        />
      );
    case "discount":
      return (
        <>
          <Facts
            items={[
              [t(`${k}.unit`), str(d.unit_label)],
              [t(`${k}.listPrice`), money(d.list_price)],
              [t(`${k}.requestedPrice`), money(d.requested_price)],
              [t(`${k}.depth`), str(d.depth_pct) ? `${String(d.depth_pct)}%` : null],
              [t(`${k}.status`), t(`${k}.statuses.discount.${String(d.status)}`)],
            ]}
          />
          <Quote text={str(d.reason)} />
        </>
      );
    case "subscription":
      return (
        <Facts
          items={[
            [t(`${k}.unit`), str(d.unit_label)],
            [t(`${k}.price`), money(d.price)],
            [t(`${k}.paymentMethod`), t(`${k}.paymentMethods.${String(d.payment_method)}`)],
            [t(`${k}.depositDue`), money(d.deposit_due)],
            [t(`${k}.contractDeadline`), str(d.contract_deadline)],
            [t(`${k}.status`), t(`${k}.statuses.subscription.${String(d.status)}`)],
          ]}
        />
      );
    case "unit_change":
      return (
        <>
          <Facts
            items={[
              [null, t(`${k}.changeKinds.${String(d.change_kind)}`)],
              [t(`${k}.unit`), d.new_unit_label ? `${String(d.unit_label)} → ${String(d.new_unit_label)}` : str(d.unit_label)],
              [t(`${k}.status`), t(`${k}.statuses.unit_change.${String(d.status)}`)],
            ]}
          />
          <Quote text={str(d.reason)} />
        </>
      );
    case "contract":
      return (
        <Facts
          items={[
            [t(`${k}.contractNo`), str(d.contract_no)],
            [t(`${k}.unit`), str(d.unit_label)],
            [t(`${k}.price`), money(d.price)],
            [t(`${k}.status`), t(`${k}.statuses.contract.${String(d.status)}`)],
            [t(`${k}.signedOn`), str(d.signed_on)],
          ]}
        />
      );
    case "payment":
      return (
        <>
          <Facts
            items={[
              [null, t(`${k}.paymentKinds.${String(d.payment_kind)}`)],
              [t(`${k}.amount`), <Typography.Text strong>{money(d.amount)}</Typography.Text>],
              [t(`${k}.method`), t(`${k}.paymentChannels.${String(d.method)}`)],
              [t(`${k}.receiptNo`), str(d.receipt_no)],
              [t(`${k}.paidOn`), str(d.paid_on)],
              [null, d.reversal ? t(`${k}.reversal`) : null],
            ]}
          />
          <Quote text={str(d.reason)} />
        </>
      );
    case "collision":
      return (
        <>
          <Facts
            items={[
              [null, t(`${k}.collisionBy`, { claimant: str(d.claimant_name) ?? "—", owner: str(d.owner_name) ?? "—" })],
              [t(`${k}.status`), t(`customer_collisions.statuses.${String(d.status)}`)],
              [t(`${k}.decidedBy`), str(d.decided_by_name)],
            ]}
          />
          <Quote text={str(d.decision_reason) ?? str(d.note)} />
        </>
      );
    case "complaint":
      return (
        <>
          <Facts
            items={[
              [t(`${k}.channel`), t(`complaints.channels.${String(d.channel)}`)],
              [t(`${k}.status`), t(`complaints.statuses.${String(d.status)}`)],
              [t(`${k}.handler`), str(d.handler_name)],
            ]}
          />
          <Quote text={str(d.content)} />
          {str(d.resolution) && <Facts items={[[t(`${k}.resolution`), str(d.resolution)]]} />}
        </>
      );
    case "audit":
      return <AuditBody data={d} t={t} />;
    default:
      return null;
  }
}

const FIELD_KEYS = ["name", "gender", "grade", "rooms", "area_min", "area_max", "budget_max", "purpose", "note", "status", "lost_reason", "owner_id"];

/** An audit entry of the customer row: what was done, and which fields changed. */
function AuditBody({ data, t }: { data: Record<string, unknown>; t: TFunction }) {
  const action = String(data.action);
  const after = (data.after ?? {}) as Record<string, unknown>;
  const before = (data.before ?? {}) as Record<string, unknown>;
  const k = "customers.timeline";
  const changed =
    action === "customer.update"
      ? Object.keys(after)
          .filter((f) => FIELD_KEYS.includes(f))
          .map((f) => t(`customers.fields.${f}`))
          .join("、")
      : null;
  const status =
    action === "customer.status" ? `${t(`customers.statuses.${String(before.status)}`)} → ${t(`customers.statuses.${String(after.status)}`)}` : null;
  return (
    <Facts
      items={[
        [null, t(`${k}.actions.${action}`, { defaultValue: action })],
        [t(`${k}.changedFields`), changed],
        [null, status],
        [t(`${k}.reason`), str(after.reason) ?? str(after.lost_reason)],
        [t(`${k}.surface`), t(`${k}.surfaces.${String(data.surface)}`)],
      ]}
    />
  );
}
