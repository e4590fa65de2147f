import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import { enterDialog } from "../common/dialog.ts";
import { projectFor, SALES_ROLES } from "../common/project.ts";
import { outingDialog, type OutingInput } from "./dialog.ts";

/** 外出带看: `外出带看 张伟 样板房` or `/outing`, step by step: reported before leaving. */
export const outingFeature = new Composer<BotContext>();
const bound = outingFeature.filter(isBound);
export const outingDialogs = createConversation(outingDialog, "outing");

async function start(ctx: BoundContext, text: string) {
  const project = projectFor(ctx, SALES_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("outing.notAllowed")));
  // the first word is the customer (name or phone), the rest where they go
  const [customer, ...rest] = text.split(/\s+/).filter(Boolean);
  await enterDialog(ctx, "outing", {
    projectId: project.id, customerQuery: customer ?? null, destination: rest.join(" ") || null,
  } satisfies OutingInput);
}

const PREFIX = /^(?:外出带看|带看外出)(?:[\s:：]+|$)/;
bound.command("outing", (ctx) => start(ctx, ctx.match.trim()));
bound.on("message:text").filter(
  (ctx) => PREFIX.test(ctx.message.text.trim()),
  (ctx) => start(ctx, ctx.message.text.trim().replace(PREFIX, "")),
);
