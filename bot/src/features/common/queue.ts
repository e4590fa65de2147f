import { Context, type Composer, type MiddlewareFn } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../../context.ts";

/** How many typed messages wait at most while a dialogue is open. */
export const QUEUE_LIMIT = 10;

/** Whether a dialogue (grammY conversation) of this chat is open, as the session stores it. */
export function dialogOpen(ctx: BotContext): boolean {
  const stored = ctx.session.conversations as { state?: Record<string, unknown[]> } | undefined;
  return Object.values(stored?.state ?? {}).some((states) => Array.isArray(states) && states.length > 0);
}

/**
 * Runs `work` (the conversations plugin, the dialogues, the features) for the update; then, while
 * no dialogue is open, each queued message (typed while a card or question waited) through the
 * same `work`, oldest first — the person is told which one comes now. A queued message that opens
 * a dialogue of its own stops the round; the rest wait for that one to end.
 *
 * Installed after the session and outside the conversations plugin, so each round reads and
 * writes the dialogue state of the chat exactly as a fresh update would.
 */
export function workThroughQueue(work: Composer<BotContext>): MiddlewareFn<BotContext> {
  // Composer.middleware() is the chain as installed so far: take it at the first update, not now.
  const run: MiddlewareFn<BotContext> = (ctx, next) => work.middleware()(ctx, next);
  return async (ctx, next) => {
    await run(ctx, next);
    for (let round = 0; round < QUEUE_LIMIT && !dialogOpen(ctx) && ctx.session.queued?.length; round++) {
      const [message, ...rest] = ctx.session.queued;
      ctx.session.queued = rest.length > 0 ? rest : undefined;
      if (!message?.text) continue;
      await ctx.reply(ctx.t("dialog.dequeued", { text: message.text }));
      await run(replayContext(ctx, { update_id: ctx.update.update_id, message } as Update), () => Promise.resolve());
    }
  };
}

/** A context for a queued message: the same person, client, language and session as `ctx`. */
function replayContext(ctx: BotContext, update: Update): BotContext {
  const replay = new Context(update, ctx.api, ctx.me) as BotContext;
  Object.defineProperty(replay, "session", {
    enumerable: true,
    get: () => ctx.session,
    set: (value) => void (ctx.session = value),
  });
  const own = ctx as unknown as Record<string, unknown>;
  for (const key of Object.keys(own)) {
    if (key === "update" || key === "api" || key === "me" || key === "session" || key === "conversation") continue;
    (replay as unknown as Record<string, unknown>)[key] = own[key];
  }
  return replay;
}
