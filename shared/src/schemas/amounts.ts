import { z } from "zod";

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
