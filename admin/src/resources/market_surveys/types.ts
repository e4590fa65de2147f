import type { Database } from "@so/shared/database.types";

export type MarketSurvey = Database["public"]["Tables"]["market_surveys"]["Row"] & { surveyor: { name: string } | null };
export type SaveSurveyArgs = Database["public"]["Functions"]["save_market_survey"]["Args"];

/** The columns the list and the reports read, with the surveyor's name. */
export const SURVEY_SELECT = "*, surveyor:staff!market_surveys_surveyed_by_fkey(name)";

export const SURVEY_SOURCES = ["visit", "phone", "online", "other"] as const;
