import { z } from "zod";
import { normalizeMaskedMobile, normalizeMobile } from "../phone.ts";
import { calendarDate, requiredText, uuid } from "./amounts.ts";
import { mobile, optionalText } from "./customers.ts";

/** Inputs of the channel RPCs (报备 / 带看确认) and the channel master data forms. */

export const REPORT_STATUSES = ["valid", "invalid", "pending", "visited", "expired"] as const;
export const REPORT_STATUS_LABELS: Record<(typeof REPORT_STATUSES)[number], string> = {
  valid: "有效", invalid: "无效", pending: "待判定", visited: "已带看", expired: "已失效",
};
export const INVALID_REASONS = ["already_customer", "already_reported", "too_late", "cooperation_expired"] as const;
export const INVALID_REASON_LABELS: Record<(typeof INVALID_REASONS)[number], string> = {
  already_customer: "已是案场保护期内客户",
  already_reported: "已被其他经纪人报备",
  too_late: "报备时间距到访不足",
  cooperation_expired: "合作协议不在有效期",
};
export const COMMISSION_TYPES = ["percent", "fixed"] as const;
export const COMMISSION_TYPE_LABELS = { percent: "按成交总价比例", fixed: "每套固定金额" } as const;

/** The broker's phone: a full mobile, or masked in the middle (138****5678). */
export const reportPhone = z.string({ error: "请填写客户手机号" }).transform((s, ctx) => {
  const value = normalizeMobile(s) ?? normalizeMaskedMobile(s);
  if (value === null) {
    ctx.addIssue({ code: "custom", message: "请填写11位手机号，或隐藏中间四位如 138****5678" });
    return z.NEVER;
  }
  return value;
});

export const submitReportInput = z.object({
  p_project_id: uuid("项目"),
  p_customer_name: requiredText("客户姓名", 50),
  p_customer_phone: reportPhone,
  p_expected_visit: z.iso.datetime({ offset: true, error: "请填写预计到访时间" }),
  p_note: optionalText("备注"),
});

export const confirmVisitInput = z.object({
  p_report_id: uuid("报备"),
  p_full_phone: mobile,
  p_consultant_id: uuid("接待顾问").nullable().optional(),
});

export const agencyInput = z.object({
  name: requiredText("中介公司名称", 100),
  contact_name: optionalText("联系人", 50),
  contact_phone: optionalText("联系电话", 30),
  active: z.boolean().default(true),
});

export const agencyStoreInput = z.object({
  agency_id: uuid("中介公司"),
  name: requiredText("门店名称", 100),
  address: optionalText("地址", 200),
});

export const cooperationInput = z
  .object({
    agency_id: uuid("中介公司"),
    project_id: uuid("项目"),
    commission_type: z.enum(COMMISSION_TYPES, { error: "请选择佣金方式" }),
    commission_value: z.coerce.number({ error: "佣金须为数字" }).positive({ error: "佣金必须大于零" }),
    protection_days: z.coerce.number().int().min(1).max(365, { error: "保护期为1–365天" }).nullable().optional(),
    valid_from: calendarDate("生效日期"),
    valid_to: calendarDate("到期日期").nullable().optional(),
    note: optionalText("备注"),
  })
  .refine((v) => v.commission_type !== "percent" || v.commission_value <= 100, { path: ["commission_value"], error: "佣金比例不能超过100%" })
  .refine((v) => !v.valid_to || v.valid_to >= v.valid_from, { path: ["valid_to"], error: "到期日期不能早于生效日期" });

export const brokerInput = z.object({
  agency_id: uuid("中介公司"),
  store_id: uuid("门店").nullable().optional(),
  user_id: uuid("登录账号").nullable().optional(),
  name: requiredText("经纪人姓名", 50),
  phone: mobile.nullable().optional(),
  active: z.boolean().default(true),
});
