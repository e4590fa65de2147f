import { z } from "zod";
import { calendarDate, requiredText, uuid } from "./amounts.ts";
import { GRADES, mobile, optionalText } from "./customers.ts";

/** Inputs of the reception RPCs: rotation (轮排), visits, calls, follow-ups (追访), complaints (投诉). */

const staffOverride = uuid("顾问").nullable().optional(); // managers may act for a consultant

export const receptionCheckInInput = z.object({ p_project_id: uuid("项目"), p_staff_id: staffOverride });
export const receptionCheckOutInput = receptionCheckInInput;
export const receptionSetBusyInput = z.object({ p_project_id: uuid("项目"), p_busy: z.boolean(), p_staff_id: staffOverride });
export const nextWalkInInput = z.object({ p_project_id: uuid("项目"), p_customer_id: uuid("客户").nullable().optional() });
export const WALK_IN_REASON_LABELS = { rotation: "按轮排", owner: "老客户，由权属顾问接待", owner_absent: "权属顾问不在岗，轮排代接" } as const;

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
export const CALL_TOPIC_LABELS: Record<(typeof CALL_TOPICS)[number], string> = {
  price: "价格", location: "位置", area: "面积", layout: "户型", progress: "工程进度", loans: "贷款", other: "其他",
};

export const recordCallInput = z.object({
  p_project_id: uuid("项目"),
  p_caller_name: optionalText("来电人", 50),
  p_phone: z.union([z.literal("").transform(() => null), mobile]).nullable().optional(),
  p_topics: z.array(z.enum(CALL_TOPICS, { error: "咨询内容不正确" })).default([]),
  p_invited: z.boolean().default(false),
  p_note: optionalText("备注"),
  p_called_at: recentTime("来电时间"),
});

export const FOLLOW_UP_METHODS = ["phone", "wechat", "visit", "message"] as const;
export const FOLLOW_UP_METHOD_LABELS: Record<(typeof FOLLOW_UP_METHODS)[number], string> = {
  phone: "电话", wechat: "微信", visit: "面访", message: "短信",
};

export const logFollowUpInput = z.object({
  p_customer_id: uuid("客户"),
  p_method: z.enum(FOLLOW_UP_METHODS, { error: "请选择追访方式" }),
  p_content: requiredText("追访内容", 1000),
  p_objections: optionalText("客户抗性"),
  p_result: optionalText("追访结果"),
  p_next_date: calendarDate("下次追访日期").nullable().optional(),
});

export const COMPLAINT_CHANNELS = ["visit", "phone"] as const;
export const COMPLAINT_CHANNEL_LABELS = { visit: "来访", phone: "来电" } as const;
export const COMPLAINT_STATUSES = ["open", "handling", "resolved"] as const;
export const COMPLAINT_STATUS_LABELS = { open: "待处理", handling: "处理中", resolved: "已解决" } as const;

export const fileComplaintInput = z.object({
  p_project_id: uuid("项目"),
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
