import { z } from "zod";

/**
 * Field schemas shared by the deal forms: money as an exact decimal string (never a float) and
 * calendar dates. Accepts what people type: "2,856,000", "¥2856000.5", 2856000.
 */
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

export function moneyAmount(label = "金额", opts: { allowZero?: boolean } = {}) {
  return z
    .union([z.string(), z.number()], { error: `请填写${label}` })
    .transform((v) => String(v).trim().replace(/[,，\s]/g, "").replace(/^[¥￥]/, ""))
    .refine((s) => MONEY.test(s), { error: `${label}须为数字，最多精确到分（两位小数）` })
    .refine((s) => opts.allowZero || /[1-9]/.test(s), { error: `${label}必须大于零` });
}

/** A calendar day, "2026-11-23". */
export const calendarDate = (label = "日期") => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });

export const uuid = (label = "记录") => z.uuid({ error: `${label}无效` });

/** Free text that must say something (reasons, comments), trimmed. */
export const requiredText = (label: string, max = 500) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });
