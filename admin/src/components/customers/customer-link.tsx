import { useLink } from "@refinedev/core";
import type { ReactNode } from "react";

/** A link to the customer's page (客户详情). */
export function CustomerLink({ id, children }: { id: string; children: ReactNode }) {
  const Link = useLink();
  return (
    <Link to={`/customers/show/${id}`} data-testid="customer-link">
      {children}
    </Link>
  );
}
