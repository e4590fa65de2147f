import { z } from "zod";

/**
 * What a free-text message to the bot means. Both the rule-based parser and the LLM path produce
 * exactly one of these shapes; every key is always present, unknown values are null.
 */

const YMD = /^\d{4}-\d{2}-\d{2}$/;
const YMD_HM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** 11-digit mobile, or the masked form `138****5678` a broker may give. */
export const Phone = z.string().regex(/^1[3-9]\d(?:\d{4}|\*{4})\d{4}$/);
export const Wan = z.number().nonnegative();

export const Gender = z.enum(["male", "female"]);
export const CustomerSource = z.enum(["call", "walk_in", "agency", "referral", "expo", "promotion", "online", "other"]);
export const CustomerGrade = z.enum(["A", "B", "C", "D"]);
export const Purpose = z.enum(["self", "invest"]);
export const FollowUpMethod = z.enum(["phone", "wechat", "visit", "message"]);

export const RegisterCustomer = z.object({
  intent: z.literal("register_customer"),
  customer: z.object({
    name: z.string().nullable(),
    phone: Phone.nullable(),
    gender: Gender.nullable(),
    source: CustomerSource.nullable(),
    grade: CustomerGrade.nullable(),
    rooms: z.number().int().positive().nullable(),
    area_min: z.number().nonnegative().nullable(),
    area_max: z.number().nonnegative().nullable(),
    budget_max_wan: Wan.nullable(),
    purpose: Purpose.nullable(),
    note: z.string().nullable(),
  }),
});

export const QueryUnits = z.object({
  intent: z.literal("query_units"),
  filter: z.object({
    /** `3`, `A`: the building's label without 栋/号楼. */
    building: z.string().nullable(),
    rooms: z.number().int().positive().nullable(),
    area_min: z.number().nonnegative().nullable(),
    area_max: z.number().nonnegative().nullable(),
    price_max_wan: Wan.nullable(),
    floor_min: z.number().int().nullable(),
    floor_max: z.number().int().nullable(),
  }),
});

export const RequestDiscount = z.object({
  intent: z.literal("request_discount"),
  request: z.object({
    /** `3-1203`; just `1203` when the message names no building. */
    unit: z.string().nullable(),
    customer_name: z.string().nullable(),
    customer_phone: Phone.nullable(),
    /** Price factor: 97折 → 0.97. */
    discount_rate: z.number().gt(0).lte(1).nullable(),
    target_price_wan: Wan.nullable(),
    reason: z.string().nullable(),
  }),
});

export const LogFollowUp = z.object({
  intent: z.literal("log_follow_up"),
  follow_up: z.object({
    customer_name: z.string().nullable(),
    customer_phone: Phone.nullable(),
    method: FollowUpMethod.nullable(),
    content: z.string().nullable(),
    next_date: z.string().regex(YMD).nullable(),
  }),
});

export const ReportCustomer = z.object({
  intent: z.literal("report_customer"),
  report: z.object({
    customer_name: z.string().nullable(),
    customer_phone: Phone.nullable(),
    expected_visit: z.string().regex(YMD_HM).nullable(),
  }),
});

export const Unknown = z.object({ intent: z.literal("unknown") });

export const ParseResult = z.discriminatedUnion("intent", [
  RegisterCustomer,
  QueryUnits,
  RequestDiscount,
  LogFollowUp,
  ReportCustomer,
  Unknown,
]);

export type ParseResult = z.infer<typeof ParseResult>;
export type Intent = ParseResult["intent"];
export type RegisterCustomer = z.infer<typeof RegisterCustomer>;
export type CustomerDraft = RegisterCustomer["customer"];
export type QueryUnits = z.infer<typeof QueryUnits>;
export type UnitFilter = QueryUnits["filter"];
export type RequestDiscount = z.infer<typeof RequestDiscount>;
export type DiscountDraft = RequestDiscount["request"];
export type LogFollowUp = z.infer<typeof LogFollowUp>;
export type FollowUpDraft = LogFollowUp["follow_up"];
export type ReportCustomer = z.infer<typeof ReportCustomer>;
export type ReportDraft = ReportCustomer["report"];
export type Gender = z.infer<typeof Gender>;
export type CustomerSource = z.infer<typeof CustomerSource>;
export type CustomerGrade = z.infer<typeof CustomerGrade>;
export type Purpose = z.infer<typeof Purpose>;
export type FollowUpMethod = z.infer<typeof FollowUpMethod>;
