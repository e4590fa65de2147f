import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import { normalizeText } from "../../nlu/normalize.ts";
import { buildFollowUp } from "../../nlu/intents/follow-up.ts";
import type { FollowUpDraft as ParsedFollowUp } from "../../nlu/schema.ts";
import { todayIn } from "../common/clock.ts";
import type { CustomerRef } from "../common/customers.ts";
import { enterDialog } from "../common/dialog.ts";
import { onIntent } from "../common/intent.ts";
import { customersNamedIn, recentCustomer, recentWord } from "../common/mentions.ts";
import { projectFor, SALES_ROLES } from "../common/project.ts";
import { followUpDialog, type FollowUpInput } from "./dialog.ts";

/** 记录追访: `王五 电话回访 嫌价格高 下周三再约` or `/followup`. */
export const followUpFeature = new Composer<BotContext>();
const bound = followUpFeature.filter(isBound);
export const followUpDialogs = createConversation(followUpDialog, "followUp");

async function start(ctx: BoundContext, known: Omit<FollowUpInput, "projectId">) {
  const project = projectFor(ctx, SALES_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("followUp.notAllowed")));
  await enterDialog(ctx, "followUp", { projectId: project.id, ...known } satisfies FollowUpInput);
}

/** The loose date words of a message (月底, 下个月…), to say on the card what the date was estimated from. */
const looseWords = (text: string) => /月底|月初|月中|下个?月|年底|年前|过几天|过两天|近期|这几天/.exec(text)?.[0] ?? "大概日期";

/**
 * A follow-up read from a message: who (the name, phone or 尾号 it gives; else 刚才那个 / 他 → the
 * customer I last worked on; else `customer`, found by the caller), how, what, when next.
 */
export function startFollowUp(ctx: BoundContext, f: ParsedFollowUp, customer: CustomerRef | null = null) {
  const query = f.customer_name ?? f.customer_phone ?? f.customer_phone_tail ?? null;
  const text = ctx.message?.text ?? "";
  const recent = query || customer ? null : recentCustomer(ctx, text);
  const word = recent ? recentWord(text) : null;
  const content = word && f.content?.startsWith(word) ? f.content.slice(word.length).replace(/^[\s,，的了]+/, "").trim() || null : f.content;
  return start(ctx, {
    customerQuery: customer ? customer.name : query,
    customer: customer ?? recent,
    method: f.method,
    content,
    nextDate: f.next_date,
    nextDateWords: f.next_date_approx ? looseWords(text) : null,
    nextDateAsk: f.next_date_ask ?? null,
  });
}

/**
 * A message about one of my customers that the parser did not take for a follow-up: read it as
 * one — `customer` when known, else the customers named `name` (several: the person picks).
 */
function startFollowUpFromText(ctx: BoundContext, text: string, customer: CustomerRef | null, name: string | null) {
  const f = buildFollowUp(normalizeText(text), todayIn()).follow_up;
  const who = customer?.name ?? name;
  const pointer = customer && customer.id === ctx.session.lastCustomer?.id ? recentWord(text) : null;
  let content = f.content;
  // Who it is about opens the message (张伟 想要三房, 刚才那个 发了价格表): that is not what was said.
  for (const word of [who, pointer]) {
    if (word && content?.startsWith(word)) content = content.slice(word.length).replace(/^[\s,，的了]+/, "").trim() || null;
  }
  return startFollowUp(ctx, { ...f, customer_name: customer ? null : (name ?? f.customer_name), content }, customer);
}

/**
 * Intent from the whole message and who it names: a message naming one of MY customers (or
 * saying 刚才那个 / 他 after I worked on one) is a follow-up about them, not a new customer nor
 * "not understood". False when it names nobody of mine.
 */
export async function followUpIfMine(ctx: BoundContext, text: string): Promise<boolean> {
  const project = projectFor(ctx, SALES_ROLES);
  if (!project || text.startsWith("/")) return false;
  const named = await customersNamedIn(ctx, project.id, text);
  if (named.length > 0) {
    const same = named.filter((c) => c.name === named[0].name);
    await startFollowUpFromText(ctx, text, same.length === 1 ? same[0] : null, named[0].name);
    return true;
  }
  const recent = recentCustomer(ctx, text);
  if (!recent) return false;
  await startFollowUpFromText(ctx, text, recent, null);
  return true;
}

bound.command("followup", (ctx) =>
  start(ctx, { customerQuery: ctx.match.trim() || null, customer: null, method: null, content: null, nextDate: null }),
);
bound.use(onIntent("log_follow_up", (ctx, { follow_up: f }) => startFollowUp(ctx, f)));
