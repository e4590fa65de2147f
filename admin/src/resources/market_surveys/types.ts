import type { Database } from "@so/shared/database.types";
import type { ProjectRpcArgs } from "../../providers/rpc-types.ts";

export type MarketSurvey = Database["public"]["Tables"]["market_surveys"]["Row"] & { surveyor: { name: string } | null };
/** save_market_survey's arguments but the project (the project in use, filled by useProjectRpc). */
export type SaveSurveyArgs = ProjectRpcArgs<"save_market_survey">;

/** The columns the list and the reports read, with the surveyor's name. */
export const SURVEY_SELECT = "*, surveyor:staff!market_surveys_surveyed_by_fkey(name)";

