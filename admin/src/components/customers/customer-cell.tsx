import { TwoLines } from "../two-lines.tsx";
import { CustomerLink } from "./customer-link.tsx";
import { PoolTag } from "./customer-tags.tsx";

interface CustomerOfRow {
  customer_id: string | null;
  customer_name: string | null;
  phone: string | null;
  in_pool: boolean | null;
}

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
