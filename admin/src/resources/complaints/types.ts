/** A row of complaints with the names the list shows. */
export interface ComplaintRow {
  id: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  complainant_name: string;
  phone: string | null;
  channel: "visit" | "phone";
  content: string;
  status: "open" | "handling" | "resolved";
  resolution: string | null;
  follow_up: string | null;
  handler_id: string | null;
  created_by: string | null;
  customer_id: string | null;
  customer: { id: string; name: string } | null;
  handler: { name: string } | null;
  filer: { name: string } | null;
}

export const COMPLAINT_SELECT =
  "id, created_at, updated_at, resolved_at, complainant_name, phone, channel, content, status, resolution, follow_up, " +
  "handler_id, created_by, customer_id, customer:customers(id, name), " +
  "handler:staff!complaints_handler_id_fkey(name), filer:staff!complaints_created_by_fkey(name)";

export const STATUS_COLORS = { open: "red", handling: "orange", resolved: "green" } as const;
