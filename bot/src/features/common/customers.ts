import { normalizeMobile } from "@so/shared/phone";
import type { BoundContext } from "../../context.ts";
import type { Translate } from "../../i18n/index.ts";
import { choiceKeyboard, dialogButton } from "../../keyboards/dialog.ts";
import { ask } from "./ask.ts";
import { nextAnswer, queueMessage, read, type Dialog, type DialogCtx, type Said, type Tapped } from "./dialog.ts";
import { maskedPhone } from "./format.ts";
import { rows } from "./rpc.ts";

export interface CustomerRef {
  id: string;
  name: string;
  phone: string;
}

interface Found extends CustomerRef {
  owner_id: string | null;
  in_pool: boolean;
}

const SHOWN = 8;

/**
 * Customers matching a name, phone or phone tail, as search_customers finds them for the person
 * (RLS decides what they may see): their own first; only when none of theirs matches, the others
 * it shows (the pool; a manager's whole project). An exact name beats a longer one it prefixes.
 */
export async function findCustomers(ctx: BoundContext, projectId: string, query: string): Promise<CustomerRef[]> {
  const found = await rows<Found>(
    "search_customers",
    ctx.db.rpc("search_customers", { p_project_id: projectId, p_query: query, p_limit: 20 }),
  );
  const mine = found.filter((c) => c.owner_id === ctx.staff.id && !c.in_pool);
  const pool = mine.length > 0 ? mine : found;
  const exact = pool.filter((c) => c.name === query.trim());
  return (exact.length > 0 ? exact : pool).slice(0, SHOWN).map(({ id, name, phone }) => ({ id, name, phone }));
}

/** The person's own protected customers, newest first (for a pick list). */
export async function recentCustomers(ctx: BoundContext, projectId: string): Promise<CustomerRef[]> {
  return rows<CustomerRef>(
    "recent customers",
    ctx.db
      .from("customer_list")
      .select("id, name, phone")
      .eq("project_id", projectId)
      .eq("owner_id", ctx.staff.id)
      .eq("in_pool", false)
      .order("created_at", { ascending: false })
      .limit(SHOWN),
  );
}

export const customerLabel = (c: CustomerRef) => `${c.name} ${maskedPhone(c.phone)}`;

/**
 * Which customer: by the name or phone the person gave (one match is taken; several are offered
 * as buttons), else from their recent customers; they may always type another name or phone.
 * 取消 ends the dialogue; a whole sentence instead of a name is queued for later. `known` is
 * taken as is (刚才那个). With `register`, a name nobody has is offered for registration; the
 * customer it registers is the one picked.
 */
export async function pickCustomer(
  conversation: Dialog,
  ctx: DialogCtx,
  t: Translate,
  opts: {
    projectId: string; prompt: string; query: string | null; known?: CustomerRef | null;
    register?: (ctx: DialogCtx, query: string) => Promise<{ customer: CustomerRef; ctx: DialogCtx } | null>;
  },
): Promise<{ customer: CustomerRef; ctx: DialogCtx }> {
  if (opts.known) return { customer: opts.known, ctx };
  let query = opts.query?.trim() || null;
  let current = ctx;
  for (;;) {
    const q = query;
    const candidates = q
      ? await read(conversation, (o) => findCustomers(o, opts.projectId, q))
      : await read(conversation, (o) => recentCustomers(o, opts.projectId));
    if (q && candidates.length === 1) return { customer: candidates[0], ctx: current };
    const question = !q
      ? candidates.length > 0 ? `${opts.prompt}\n${t("customers.pickOrType")}` : `${opts.prompt}\n${t("customers.type")}`
      : candidates.length > 0 ? t("customers.several", { query: q }) : t("customers.none", { query: q });
    const keyboard = choiceKeyboard(
      candidates.map((c, i) => ({ label: customerLabel(c), value: String(i) })),
      "pick",
      { perRow: 1, extra: [{ text: t("dialog.cancel"), action: "cancel" }] },
    );
    const offerRegister = q !== null && candidates.length === 0 && opts.register !== undefined;
    if (offerRegister) keyboard.row().add(dialogButton(t("customers.register", { query: q }), "register"));
    const asked = await ask(conversation, current, t, question, { keyboard });
    const questionId = asked.questionId;
    let answer: Said | Tapped = asked;
    // A whole sentence is a new request, not a name: it waits in the queue, the question stays.
    while (answer.kind === "text" && /\s/.test(answer.text) && normalizeMobile(answer.text) === null) {
      await queueMessage(conversation, answer.ctx, t);
      answer = await nextAnswer(conversation, t, questionId);
    }
    current = answer.ctx;
    if (answer.kind === "tap" && answer.action === "register" && offerRegister && q && opts.register) {
      await current.editMessageReplyMarkup().catch(() => {});
      const registered = await opts.register(current, q);
      if (registered) return registered;
      return conversation.halt();
    }
    if (answer.kind === "tap") {
      const chosen = answer.action === "pick" ? candidates[Number(answer.value)] : undefined;
      if (chosen) {
        await current.editMessageReplyMarkup().catch(() => {});
        return { customer: chosen, ctx: current };
      }
      continue;
    }
    query = answer.text;
  }
}
