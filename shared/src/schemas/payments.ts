import { z } from "zod";
import { calendarDate, moneyAmount, requiredText, uuid } from "./amounts.ts";

/** Inputs of the finance RPCs: payments (收款), reversals, carry-overs and commissions (佣金). */

export const PAYMENT_KINDS = ["sincerity", "deposit", "down_payment", "installment", "mortgage", "provident_loan", "refund"] as const;
export const PAYMENT_KIND_LABELS: Record<(typeof PAYMENT_KINDS)[number] | "carry_over", string> = {
  sincerity: "诚意金",
  deposit: "定金",
  down_payment: "首付",
  installment: "房款",
  mortgage: "按揭放款",
  provident_loan: "公积金放款",
  refund: "退款",
  carry_over: "换房结转",
};

export const PAYMENT_CHANNELS = ["cash", "pos", "transfer", "wechat", "alipay", "cheque", "loan", "provident_centre"] as const;
export const PAYMENT_CHANNEL_LABELS: Record<(typeof PAYMENT_CHANNELS)[number] | "internal", string> = {
  cash: "现金",
  pos: "POS刷卡",
  transfer: "银行转账",
  wechat: "微信",
  alipay: "支付宝",
  cheque: "支票",
  loan: "银行放款",
  provident_centre: "公积金中心放款",
  internal: "内部结转",
};

export const recordPaymentInput = z.object({
  p_project_id: uuid("项目"),
  p_customer_id: uuid("客户"),
  p_kind: z.enum(PAYMENT_KINDS, { error: "请选择款项类型" }),
  /** Always positive; a refund is stored as money going out. */
  p_amount: moneyAmount("金额"),
  p_method: z.enum(PAYMENT_CHANNELS, { error: "请选择付款方式" }),
  /** Empty: the next number of the project's pattern (收据编号规则); typed: a pre-printed paper receipt's. */
  p_receipt_no: z.string().trim().max(50, { error: "收据编号最多50个字符" }).nullable().optional(),
  p_paid_on: calendarDate("收款日期").optional(),
  p_subscription_id: uuid("认购").nullable().optional(),
  p_contract_id: uuid("合同").nullable().optional(),
  p_plan_item_id: uuid("付款计划").nullable().optional(),
});

export const reversePaymentInput = z.object({
  p_payment_id: uuid("收款记录"),
  p_reason: requiredText("冲销原因"),
});

export const carryOverPaymentInput = z.object({ p_unit_change_id: uuid("换房申请") });

export const COMMISSION_STATUS_LABELS = { computed: "待审核", approved: "待付款", paid: "已付款", cancelled: "已取消" } as const;

export const approveCommissionInput = z.object({
  p_commission_id: uuid("佣金"),
  p_note: z.string().trim().max(200).optional(),
});

export const markCommissionPaidInput = z.object({
  p_commission_id: uuid("佣金"),
  p_paid_on: calendarDate("付款日期").optional(),
  p_reference: z.string().trim().max(100).optional(),
});

export type RecordPaymentInput = z.infer<typeof recordPaymentInput>;
