import type { Tables } from "@so/shared/database.types";
import type { ViewRow, With } from "../../lib/db-rows.ts";
/** A row of complaints with the names the list shows. */
export type ComplaintRow = With<
  Omit<Tables<"complaints">, "project_id">,
  {
    channel: "visit" | "phone";
    status: "open" | "handling" | "resolved";
    customer: Pick<Tables<"customers">, "id" | "name"> | null;
    handler: Pick<Tables<"staff">, "name"> | null;
    filer: Pick<Tables<"staff">, "name"> | null;
  }
>;

export const COMPLAINT_SELECT =
  "id, created_at, updated_at, resolved_at, complainant_name, phone, channel, content, status, resolution, follow_up, " +
  "handler_id, created_by, customer_id, customer:customers(id, name), " +
  "handler:staff!complaints_handler_id_fkey(name), filer:staff!complaints_created_by_fkey(name)";

export const STATUS_COLORS = { open: "red", handling: "orange", resolved: "green" } as const;
