import type { CommissionType } from "../../components/channel/types.ts";

/** A row of `public.cooperations` (合作协议): the commission rule, protection and validity. */
export interface Cooperation {
  id: string;
  agency_id: string;
  project_id: string;
  commission_type: CommissionType;
  /** percent: % of the contract price (1.5 = 1.5%); fixed: yuan per unit. */
  commission_value: number | string;
  /** null: the project's report_protection_days. */
  protection_days: number | null;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  created_at: string;
}
