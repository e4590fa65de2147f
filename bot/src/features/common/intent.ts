import type { Middleware } from "grammy";
import type { BoundContext } from "../../context.ts";
import type { Parsed } from "../../nlu/index.ts";
import type { ParseResult } from "../../nlu/schema.ts";
import { todayIn } from "./clock.ts";

const readings = new WeakMap<object, Promise<Parsed>>();

/**
 * What this text message means — read once per update, and only when a feature asks (an update
 * taken by a dialogue is never sent to the LLM).
 */
export function understand(ctx: BoundContext): Promise<Parsed> {
  let reading = readings.get(ctx);
  if (!reading) {
    const text = ctx.message?.text ?? "";
    reading = ctx.services.nlu.parseWithSource(text, { today: todayIn() }).then((parsed) => {
      if (parsed.fallbackReason) ctx.services.logger.warn(`LLM not used, rules answered: ${parsed.fallbackReason}`);
      return parsed;
    });
    readings.set(ctx, reading);
  }
  return reading;
}

type Of<I extends ParseResult["intent"]> = Extract<ParseResult, { intent: I }>;

/** Middleware for the text messages (not commands) that mean `intent`. */
export function onIntent<I extends ParseResult["intent"]>(
  intent: I,
  handler: (ctx: BoundContext, result: Of<I>) => Promise<unknown>,
): Middleware<BoundContext> {
  return async (ctx, next) => {
    const text = ctx.message?.text;
    if (text === undefined || text.startsWith("/")) return next();
    // A dialogue installed after the features (bot.ts installs ours first) is waiting for this text.
    if (Object.keys(ctx.conversation.active()).length > 0) return next();
    const { result } = await understand(ctx);
    if (result.intent !== intent) return next();
    await handler(ctx, result as Of<I>);
  };
}
