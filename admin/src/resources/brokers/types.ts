import type { Tables } from "@so/shared/database.types";

/** A row of `public.brokers` (经纪人): an agency's person, linked to a login by user_id. */
export type Broker = Tables<"brokers">;
