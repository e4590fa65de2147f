import type { Database } from "@so/shared/database.types";
import { TwoLines } from "../two-lines.tsx";
import { CustomerLink } from "./customer-link.tsx";
import { PoolTag } from "./customer-tags.tsx";

/** The customer columns every queue of customers returns (key_prospect_list, customer_reviews, …). */
type CustomerOfRow = Pick<Database["public"]["Functions"]["key_prospect_list"]["Returns"][number], "customer_id" | "customer_name" | "phone" | "in_pool">;

/** A queue row's customer: the name linking to their page, 公客池 while in the pool, the phone under it. */
export function CustomerCell({ row }: { row: CustomerOfRow }) {
  return (
    <TwoLines
      main={
        <>
          <CustomerLink id={row.customer_id ?? ""}>{row.customer_name}</CustomerLink> {row.in_pool && <PoolTag />}
        </>
      }
      sub={row.phone}
    />
  );
}
