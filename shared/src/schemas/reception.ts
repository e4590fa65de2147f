import { z } from "zod";
import { calendarDate, requiredText, uuid } from "./amounts.ts";
import { GRADES, mobile, optionalText } from "./customers.ts";

/**
 * Inputs of the reception RPCs: visits, calls, follow-ups (追访), complaints (投诉). The project
 * is not input: the admin fills in the project in use (useProjectRpc).
 */

const recentTime = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` }).nullable().optional();

export const recordVisitInput = z.object({
  p_customer_id: uuid("客户"),
  p_party_size: z.coerce.number().int().min(1, { error: "来访人数至少1人" }).max(50).default(1),
  p_shown: optionalText("介绍内容"),
  p_questions: optionalText("客户问题"),
  p_intent: z.enum(GRADES, { error: "意向等级只能是 A、B、C、D" }).nullable().optional(),
  p_notes: optionalText("备注", 1000),
  p_visited_at: recentTime("来访时间"),
});

export const CALL_TOPICS = ["price", "location", "area", "layout", "progress", "loans", "other"] as const;

export const recordCallInput = z.object({
  p_caller_name: optionalText("来电人", 50),
  p_phone: z.union([z.literal("").transform(() => null), mobile]).nullable().optional(),
  p_topics: z.array(z.enum(CALL_TOPICS, { error: "咨询内容不正确" })).default([]),
  p_invited: z.boolean().default(false),
  p_note: optionalText("备注"),
  p_called_at: recentTime("来电时间"),
});

export const FOLLOW_UP_METHODS = ["phone", "wechat", "visit", "message"] as const;

export const logFollowUpInput = z.object({
  p_customer_id: uuid("客户"),
  p_method: z.enum(FOLLOW_UP_METHODS, { error: "请选择追访方式" }),
  p_content: requiredText("追访内容", 1000),
  p_objections: optionalText("客户抗性"),
  p_result: optionalText("追访结果"),
  p_next_date: calendarDate("下次追访日期").nullable().optional(),
});

export const COMPLAINT_CHANNELS = ["visit", "phone"] as const;
const COMPLAINT_STATUSES = ["open", "handling", "resolved"] as const;

export const fileComplaintInput = z.object({
  p_complainant_name: requiredText("投诉人", 50),
  p_channel: z.enum(COMPLAINT_CHANNELS, { error: "投诉方式只能是来访或来电" }),
  p_content: requiredText("投诉内容", 2000),
  p_phone: optionalText("联系电话", 30),
  p_customer_id: uuid("客户").nullable().optional(),
  p_handler_id: uuid("处理人").nullable().optional(),
});

export const updateComplaintInput = z
  .object({
    p_complaint_id: uuid("投诉"),
    p_status: z.enum(COMPLAINT_STATUSES, { error: "请选择状态" }),
    p_resolution: optionalText("处理结果", 2000),
    p_handler_id: uuid("处理人").nullable().optional(),
    p_follow_up: optionalText("回访情况", 1000),
  })
  .refine((v) => v.p_status !== "resolved" || !!v.p_resolution, { path: ["p_resolution"], error: "请填写处理结果" });
