import { z } from "zod";
import { normalizeMobile } from "../phone.ts";
import { CUSTOMER_SOURCES } from "../enums.ts";
import { requiredText, uuid } from "./amounts.ts";

/** Inputs of the customer RPCs (客户 / 客户权属). */

export const GRADES = ["A", "B", "C", "D"] as const;

/** A mainland mobile as people type it ("+86 138-1234-5678"), normalised to 11 digits. */
export const mobile = z
  .string({ error: "请填写手机号" })
  .transform((s, ctx) => {
    const m = normalizeMobile(s);
    if (m === null) {
      ctx.addIssue({ code: "custom", message: "手机号格式不正确，请输入11位大陆手机号" });
      return z.NEVER;
    }
    return m;
  });

/** Optional free text: trimmed, empty → null. */
export const optionalText = (label: string, max = 500) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

const positive = (label: string) => z.coerce.number({ error: `${label}须为数字` }).positive({ error: `${label}必须大于零` });

const needs = {
  p_gender: z.enum(["male", "female"], { error: "性别只能是男或女" }).nullable().optional(),
  p_grade: z.enum(GRADES, { error: "意向等级只能是 A、B、C、D" }).nullable().optional(),
  p_rooms: z.coerce.number().int({ error: "居室数须为整数" }).min(0).max(20, { error: "居室数不正确" }).nullable().optional(),
  p_area_min: positive("最小面积").nullable().optional(),
  p_area_max: positive("最大面积").nullable().optional(),
  p_budget_max: positive("预算").nullable().optional(),
  p_purpose: z.enum(["self", "invest"], { error: "购房目的只能是自住或投资" }).nullable().optional(),
  p_note: optionalText("备注", 1000),
};

const areaOrder = (v: { p_area_min?: number | null; p_area_max?: number | null }) =>
  v.p_area_min == null || v.p_area_max == null || v.p_area_min <= v.p_area_max;

/**
 * What every 登记客户 takes: who and how they came, and their needs. Not the project: that is
 * where the caller works (the admin's project in use, filled by useProjectRpc), not form input.
 */
const registerFields = {
  p_name: requiredText("客户姓名", 50),
  p_phone: mobile,
  p_source: z.enum(CUSTOMER_SOURCES, { error: "请选择客户来源" }),
  ...needs,
};

export const registerCustomerInput = z
  .object(registerFields)
  .refine(areaOrder, { path: ["p_area_max"], error: "最大面积不能小于最小面积" });

export const ruleCollisionInput = z.object({
  p_collision_id: uuid("撞单记录"),
  p_decision: z.enum(["keep_owner", "transfer"], { error: "请选择维持原归属或转给登记人" }),
  p_reason: requiredText("裁定理由"),
});

export const reassignCustomersInput = z
  .object({
    p_from_staff: uuid("原顾问"),
    p_to_staff: uuid("接收顾问"),
    p_reason: requiredText("转移原因"),
    p_customer_ids: z.array(uuid("客户")).min(1, { error: "请至少选择一位客户" }).nullable().optional(),
  })
  .refine((v) => v.p_from_staff !== v.p_to_staff, { path: ["p_to_staff"], error: "接收顾问不能是原顾问" });

/** What update_customer may change: never phone, owner or status. */
export const customerPatch = z
  .strictObject(
    {
      name: requiredText("客户姓名", 50).optional(),
      gender: needs.p_gender,
      grade: needs.p_grade,
      rooms: needs.p_rooms,
      area_min: needs.p_area_min,
      area_max: needs.p_area_max,
      budget_max: needs.p_budget_max,
      purpose: needs.p_purpose,
      note: needs.p_note,
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "只能修改姓名、性别、意向等级、需求和备注" : undefined) },
  )
  .refine((p) => Object.keys(p).length > 0, { error: "没有要修改的内容" })
  .refine((p) => areaOrder({ p_area_min: p.area_min, p_area_max: p.area_max }), { path: ["area_max"], error: "最大面积不能小于最小面积" });

export const markCustomerLostInput = z.object({ p_customer_id: uuid("客户"), p_reason: requiredText("流失原因") });

/** How search_customers reads a query (the same rules as the database). */
export function customerSearchKind(query: string): "tail" | "phone" | "phone_prefix" | "name" {
  const digits = query.trim().replace(/[\s-]/g, "");
  if (/^\d{4}$/.test(digits)) return "tail";
  if (normalizeMobile(query) !== null) return "phone";
  if (/^\d{3,10}$/.test(digits)) return "phone_prefix";
  return "name";
}

/** 证件类型, as customers.id_type allows. */
export const ID_TYPES = ["id_card", "passport", "hk_macau_permit", "taiwan_permit", "other"] as const;
type IdType = (typeof ID_TYPES)[number];

/** An 18-character 身份证: a real date of birth and the ISO 7064 check character (private.valid_cn_id_card). */
function validCnIdCard(value: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + Number(value[i]) * w, 0);
  return "10X98765432"[sum % 11] === value[17];
}

/** The number as stored: upper case, no spaces. */
const normalizeIdNo = (value: string) => value.replace(/\s/g, "").toUpperCase();

/** Why an ID number does not fit its type (the database's words, private.check_id_document), or null. */
function idNumberIssue(type: IdType, raw: string): string | null {
  const v = normalizeIdNo(raw);
  if (!v) return "请填写证件号码";
  if (type === "id_card") {
    if (!/^\d{17}[\dX]$/.test(v)) return "身份证号码应为18位（最后一位可为X）";
    if (!validCnIdCard(v)) return "身份证号码校验不通过，请核对出生日期和校验位";
    return null;
  }
  return /^[A-Z0-9()（）-]{5,20}$/.test(v) ? null : "证件号码格式不正确（5–20位字母或数字）";
}

/** 登记客户 with an optional 证件 (register_customer_with_id): no number, no document. */
export const registerCustomerWithIdInput = z
  .object({
    ...registerFields,
    p_id_type: z.enum(ID_TYPES, { error: "证件类型不正确" }).nullable().optional(),
    p_id_no: z
      .string()
      .transform((s) => normalizeIdNo(s))
      .transform((s) => (s === "" ? null : s))
      .nullable()
      .optional(),
  })
  .refine(areaOrder, { path: ["p_area_max"], error: "最大面积不能小于最小面积" })
  .superRefine((v, ctx) => {
    if (!v.p_id_no) return;
    const issue = idNumberIssue(v.p_id_type ?? "id_card", v.p_id_no);
    if (issue) ctx.addIssue({ code: "custom", path: ["p_id_no"], message: issue });
  })
  .transform((v) => ({ ...v, p_id_type: v.p_id_no ? (v.p_id_type ?? "id_card") : null }));
