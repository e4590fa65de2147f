import type { Database } from "@so/shared/database.types";

export type Outing = Database["public"]["Tables"]["outings"]["Row"] & {
  customer: { name: string } | null;
  reporter: { name: string } | null;
};

/** The columns the list reads, with the customer's and the reporter's names. */
export const OUTING_SELECT = "*, customer:customers(name), reporter:staff!outings_staff_id_fkey(name)";
