/** The office records' value lists the database checks in constraints rather than enums. */

/** 班次 (早班 · 晚班 · 全天), as the checks on `duty_roster.shift` and `duty_logs.shift` list them. */
export const SHIFTS = ["early", "late", "full"] as const;
export type Shift = (typeof SHIFTS)[number];

/** 接访质量 of a customer review, as the check on `customer_reviews.quality` lists them. */
export const RECEPTION_QUALITIES = ["good", "fair", "poor"] as const;

/** 信息来源 of a market survey, as the check on `market_surveys.source` lists them. */
export const SURVEY_SOURCES = ["visit", "phone", "online", "other"] as const;
