import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "./database.types.ts";

/** A supabase-js client typed by the generated schema: tables, views and functions checked at compile time. */
export type DbClient = SupabaseClient<Database>;
