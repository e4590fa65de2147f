import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import { enterDialog } from "../common/dialog.ts";
import { onIntent } from "../common/intent.ts";
import { asksToRegister } from "../common/mentions.ts";
import { followUpIfMine } from "../follow-up/index.ts";
import { projectFor, SALES_ROLES } from "../common/project.ts";
import { registerDialog, type RegisterInput } from "./dialog.ts";
import type { CustomerDraft } from "./draft.ts";

/**
 * 登记客户: `/register` asks step by step; a free-text message (张三 13812345678 来访 想要三房
 * 预算300万 A类) fills the card at once. Either way the person confirms before anything is written.
 */
export const registerFeature = new Composer<BotContext>();
const bound = registerFeature.filter(isBound);

/** The dialogue, installed ahead of every feature (bot.ts) so a waiting dialogue sees the next message first. */
export const registerDialogs = createConversation(registerDialog, "register");

async function start(ctx: BoundContext, draft: CustomerDraft | null) {
  const project = projectFor(ctx, SALES_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("register.notAllowed")));
  const input: RegisterInput = { projectId: project.id, draft };
  await enterDialog(ctx, "register", input);
}

bound.command("register", (ctx) => start(ctx, null));
bound.use(
  onIntent("register_customer", async (ctx, result) => {
    // 张伟 想要三房 about my own 张伟 (no phone, no 登记): a follow-up for him, not a new customer.
    const text = ctx.message?.text ?? "";
    if (result.customer.phone === null && result.customer.name && !asksToRegister(text) && (await followUpIfMine(ctx, text))) return;
    await start(ctx, result.customer);
  }),
);
