import { z } from "zod";

/** The deal value lists the database checks in functions rather than enums. */

/** 付款方式, as private.payment_methods() lists them (组合贷款 = 商业贷款 + 公积金贷款). */
export const PAYMENT_METHODS = ["full", "mortgage", "instalment", "provident_fund", "combined"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const isPaymentMethod = (value: unknown): value is PaymentMethod => (PAYMENT_METHODS as readonly unknown[]).includes(value);
export const paymentMethod = z.enum(PAYMENT_METHODS, { error: "付款方式只能是一次性付款、按揭、分期、公积金贷款或组合贷款" });

export const PLAN_ITEM_KINDS = ["deposit", "down_payment", "installment", "mortgage", "provident_loan"] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** 收款类型, as the check on `payments.kind` lists them (结转 is written by the system, never by hand). */
export const PAYMENT_KINDS = ["sincerity", "deposit", "down_payment", "installment", "mortgage", "provident_loan", "refund", "carry_over"] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
/** What finance records by hand. */
export const RECORDED_PAYMENT_KINDS = PAYMENT_KINDS.filter((k): k is Exclude<PaymentKind, "carry_over"> => k !== "carry_over");

/** 收款方式 (how the money came), as the check on `payments.method` allows them; 内部结转 is the system's. */
export const PAYMENT_CHANNELS = ["transfer", "pos", "wechat", "alipay", "cash", "cheque", "loan", "provident_centre", "internal"] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
/** What finance picks by hand. */
export const RECORDED_PAYMENT_CHANNELS = PAYMENT_CHANNELS.filter((c): c is Exclude<PaymentChannel, "internal"> => c !== "internal");

/**
 * 购房资质审核's papers (身份证 户口本 婚姻证明 收入证明 社保/个税证明), in the order the check on
 * `purchase_qualifications.documents` lists them.
 */
export const QUALIFICATION_PAPERS = ["id_card", "hukou_book", "marriage", "income", "social_security"] as const;

/** 催款 contact channels (电话 微信 短信 上门/面谈 书面函件), as the check on `collection_contacts.channel` lists them. */
export const CONTACT_CHANNELS = ["phone", "wechat", "sms", "visit", "letter"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
