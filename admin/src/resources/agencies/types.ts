import type { Tables } from "@so/shared/database.types";

/** A row of `public.agencies` (中介公司). */
export type Agency = Tables<"agencies">;

/** A row of `public.agency_stores` (门店). */
export type AgencyStore = Tables<"agency_stores">;
