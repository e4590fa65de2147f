import { z } from "zod";
import { sumMoney } from "../money.ts";
import { calendarDate, moneyAmount, requiredText, uuid } from "./amounts.ts";

/** Inputs of the deal RPCs: subscriptions (认购), 换房/退房 and contracts (合同). */

/** 付款方式, as private.payment_methods() lists them (组合贷款 = 商业贷款 + 公积金贷款). */
export const PAYMENT_METHODS = ["full", "mortgage", "instalment", "provident_fund", "combined"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  full: "一次性付款",
  mortgage: "按揭",
  instalment: "分期",
  provident_fund: "公积金贷款",
  combined: "组合贷款",
};
export const paymentMethod = z.enum(PAYMENT_METHODS, { error: "付款方式只能是一次性付款、按揭、分期、公积金贷款或组合贷款" });
/** Methods whose plan has a loan disbursement (按揭放款 from the bank, 公积金放款 from the 公积金中心). */
export const LOAN_METHODS: readonly PaymentMethod[] = ["mortgage", "provident_fund", "combined"];

export const SUBSCRIPTION_STATUS_LABELS = { active: "有效", converted: "已转签", cancelled: "已退房", changed: "已换房" } as const;
export const CONTRACT_STATUS_LABELS = {
  pending: "审批中", approved: "待签约", rejected: "已驳回", signed: "已签约", cancelled: "已退房",
} as const;

export const createSubscriptionInput = z.object({
  p_unit_id: uuid("房源"),
  p_customer_id: uuid("客户"),
  p_payment_method: paymentMethod,
  p_policy_ids: z.array(uuid("优惠政策")).default([]),
  p_discount_request_id: uuid("优惠审批").nullable().optional(),
  p_deposit_due: moneyAmount("定金", { allowZero: true }),
  p_sincerity_applied: moneyAmount("诚意金抵扣", { allowZero: true }).default("0"),
  p_contract_deadline: calendarDate("签约期限").nullable().optional(),
});

export const requestUnitChangeInput = z.object({
  p_subscription_id: uuid("认购"),
  p_new_unit_id: uuid("新房源"),
  p_reason: requiredText("换房原因"),
});

export const requestCancellationInput = z.object({
  p_subscription_id: uuid("认购"),
  p_reason: requiredText("退房原因"),
});

export const cancelUnitChangeInput = z.object({
  p_unit_change_id: uuid("申请"),
  p_reason: z.string().trim().max(500).optional(),
});

export const PLAN_ITEM_KINDS = ["deposit", "down_payment", "installment", "mortgage", "provident_loan"] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];
export const PLAN_ITEM_KIND_LABELS: Record<PlanItemKind, string> = {
  deposit: "定金",
  down_payment: "首付",
  installment: "房款",
  mortgage: "按揭放款",
  provident_loan: "公积金放款",
};

export const planItem = z.object({
  seq: z.number({ error: "请填写期数" }).int().min(1, { error: "期数从1开始" }),
  due_date: calendarDate("到期日"),
  amount: moneyAmount("本期金额"),
  kind: z.enum(PLAN_ITEM_KINDS, { error: "款项类型只能是定金、首付、房款、按揭放款或公积金放款" }),
});
export type PlanItem = z.infer<typeof planItem>;

export const createContractInput = z.object({
  p_subscription_id: uuid("认购"),
  p_contract_no: requiredText("合同编号", 50),
  p_plan: z
    .array(planItem)
    .min(1, { error: "请填写付款计划" })
    .refine((items) => new Set(items.map((i) => i.seq)).size === items.length, { error: "付款计划的期数重复" }),
});

/** The database refuses a plan not adding up to the price exactly (plan_total_mismatch). */
export function planMatchesPrice(plan: readonly { amount: string }[], price: string): boolean {
  return sumMoney(plan.map((i) => i.amount)) === sumMoney([price]);
}

export const signContractInput = z.object({
  p_contract_id: uuid("合同"),
  p_signed_on: calendarDate("签约日期").nullable().optional(),
});

export const registerContractInput = z.object({
  p_contract_id: uuid("合同"),
  p_registration_no: requiredText("备案编号", 50),
  p_registered_on: calendarDate("备案日期").nullable().optional(),
});

export type CreateSubscriptionInput = z.infer<typeof createSubscriptionInput>;
export type CreateContractInput = z.infer<typeof createContractInput>;
