import { z } from "zod";
import { CUSTOMER_SOURCES } from "@so/shared/enums";
import { PAYMENT_METHODS } from "@so/shared/schemas/deals";

/**
 * What a free-text message to the bot means. Both the rule-based parser and the LLM path produce
 * exactly one of these shapes; every key is always present, unknown values are null.
 */

const YMD = /^\d{4}-\d{2}-\d{2}$/;
const YMD_HM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const HM = /^\d{2}:\d{2}$/;
/** The last four digits of a customer's mobile (尾号1234), to find a known customer by. */
export const PhoneTail = z.string().regex(/^\d{4}$/);
/** What a customer objects to (嫌贵 → 价格). */
export const Objection = z.enum(["价格", "面积", "户型", "楼层", "位置", "资金"]);

/** 11-digit mobile, or the masked form `138****5678` a broker may give. */
export const Phone = z.string().regex(/^1[3-9]\d(?:\d{4}|\*{4})\d{4}$/);
export const Wan = z.number().nonnegative();

export const Gender = z.enum(["male", "female"]);
export const CustomerSource = z.enum(CUSTOMER_SOURCES);
export const CustomerGrade = z.enum(["A", "B", "C", "D"]);
export const Purpose = z.enum(["self", "invest"]);
export const FollowUpMethod = z.enum(["phone", "wechat", "visit", "message"]);
export const PaymentMethod = z.enum(PAYMENT_METHODS);

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
    // Optional (absent when the message does not say): older readers keep working.
    /** One unit asked about (3-703还在吗): `3-703`. */
    unit: z.string().optional(),
    /** 朝南 → 南, 南北通透 → 南北. */
    orientation: z.string().optional(),
    /** 最便宜 → price_asc, 最贵 → price_desc. */
    sort: z.enum(["price_asc", "price_desc"]).optional(),
    /** 低/中/高楼层: relative to each building's height, so no floor numbers. */
    floor_band: z.enum(["low", "middle", "high"]).optional(),
    /** Words of the search the parser did not understand, to show rather than drop. */
    unparsed: z.array(z.string()).optional(),
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
    customer_phone_tail: PhoneTail.optional(),
    /** How the buyer pays, when the message says: 全款 → full, 公积金 → provident_fund, … */
    payment_method: PaymentMethod.optional(),
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
    customer_phone_tail: PhoneTail.optional(),
    objection: Objection.optional(),
    /** The time of day of the next contact (明早十点 → 10:00), with next_date. */
    next_time: z.string().regex(HM).optional(),
    /** next_date stands for a loose date (月底, 下个月): confirm it with the user. */
    next_date_approx: z.boolean().optional(),
    /** A date too loose to compute (元旦后, 年后): next_date is null, ask the user, quoting this. */
    next_date_ask: z.string().optional(),
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
export type PaymentMethod = z.infer<typeof PaymentMethod>;
