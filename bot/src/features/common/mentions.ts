import type { BoundContext } from "../../context.ts";
import type { CustomerRef } from "./customers.ts";
import { rows } from "./rpc.ts";

/**
 * Who a message is about, before anyone thinks "new customer": the customers of mine it names
 * (customers_named_in, as me — RLS decides), or the customer I last worked on when it says
 * 刚才那个 / 他 / 她.
 */
export async function customersNamedIn(ctx: BoundContext, projectId: string, text: string): Promise<CustomerRef[]> {
  if (!text.trim()) return [];
  return rows<CustomerRef>(
    "customers named in a message",
    ctx.db.rpc("customers_named_in", { p_project_id: projectId, p_text: text }).select("id, name, phone"),
  );
}

const RECENT = /(刚才|刚刚|方才)(那|这)?(个|位)(客户|客人)?|(这|那)(个|位)客户|[他她]/;

/** The words that point at the customer just worked on (刚才那个, 他), or null. */
export const recentWord = (text: string): string | null => RECENT.exec(text)?.[0] ?? null;

/** The customer I last worked on, when the message points at them. */
export function recentCustomer(ctx: BoundContext, text: string): CustomerRef | null {
  const last = ctx.session.lastCustomer;
  return last && recentWord(text) ? last : null;
}

/** Register / follow-up explicitly asked for: a known name then is not read as a story about them. */
export const asksToRegister = (text: string) => /登记|新客|新来的|录入/.test(text);
