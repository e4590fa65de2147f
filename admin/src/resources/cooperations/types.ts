import type { Tables } from "@so/shared/database.types";
import type { CommissionType } from "../../components/channel/types.ts";
import type { With } from "../../lib/db-rows.ts";

/** A row of `public.cooperations` (合作协议): the commission rule, protection and validity. */
export type Cooperation = With<
  Tables<"cooperations">,
  {
    commission_type: CommissionType;
    /** percent: % of the contract price (1.5 = 1.5%); fixed: yuan per unit. */
    commission_value: number | string;
  }
>;
