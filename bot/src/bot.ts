import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { LlmConfig } from "./config.ts";
import { isBound, type BotContext, type BotServices } from "./context.ts";
import { createServiceClient } from "./db/clients.ts";
import { StaffClients } from "./db/staff-clients.ts";
import { createErrorHandler } from "./error-handler.ts";
import { approvalsDialogs, approvalsFeature } from "./features/approvals/index.ts";
import { deadlineDialogs, deadlineFeature } from "./features/deadline/index.ts";
import { cancelFeature } from "./features/cancel.ts";
import { discountDialogs, discountFeature } from "./features/discount/index.ts";
import { workThroughQueue } from "./features/common/queue.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { followUpDialogs, followUpFeature } from "./features/follow-up/index.ts";
import { helpFeature } from "./features/help.ts";
import { langFeature } from "./features/lang.ts";
import { askForProject, projectFeature } from "./features/project.ts";
import { registerDialogs, registerFeature } from "./features/register/index.ts";
import { reportsDialogs, reportsFeature } from "./features/reports/index.ts";
import { rolesDialogs, rolesFeature } from "./features/roles/index.ts";
import { startFeature } from "./features/start.ts";
import { outingDialogs, outingFeature } from "./features/outing/index.ts";
import { surveyDialogs, surveyFeature } from "./features/survey/index.ts";
import { todayFeature } from "./features/today/index.ts";
import { unboundFeature } from "./features/unbound.ts";
import { unitsDialogs, unitsFeature } from "./features/units/index.ts";
import { whoamiFeature } from "./features/whoami.ts";
import { consoleLogger, type Logger } from "./logger.ts";
import { createNlu } from "./nlu/index.ts";
import { identify } from "./middlewares/identity.ts";
import { privateOnly } from "./middlewares/private-only.ts";
import { typingDuringLlm } from "./middlewares/typing.ts";
import { DEFAULT_RATE_LIMIT, rateLimit, type RateLimitOptions } from "./middlewares/rate-limit.ts";
import { applyChosenLocale, rememberAppLanguage, sessionInPostgres } from "./middlewares/session.ts";

export interface CreateBotOptions {
  token: string;
  supabaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  /** BOT_SESSION_KEY: encrypts the staff members' Auth sessions kept in the database. */
  sessionKey: string;
  /** Telegram Bot API root (a local Bot API server, or a stub). */
  apiRoot?: string;
  /** fetch for the Telegram client: tests and the console answer the Bot API in process. */
  clientFetch?: typeof globalThis.fetch;
  /** Skips getMe at init when given. */
  botInfo?: UserFromGetMe;
  llm?: LlmConfig;
  /** LLM_REASONING: a reasoning model, sent no temperature (by the model's name when unset). */
  llmReasoning?: boolean;
  logger?: Logger;
  /** Per-person limit; false turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** More features, installed after the built-in ones and before the fallback. */
  features?: Composer<BotContext>[];
  /** The clock for "today" (/today); the database's clock when omitted. Tests fix it. */
  now?: () => Date;
}

/** The longest flood wait (retry_after) a reply waits out before giving up. */
export const REPLY_MAX_RETRY_DELAY_SECONDS = 3;

/** Chats are processed one update at a time each (runner and webhook alike); chats run in parallel. */
export const chatKey = (ctx: BotContext) => ctx.chat?.id.toString() ?? ctx.from?.id.toString();

/**
 * The bot: private chats only, per-person rate limit, identity per update, one-time binding for
 * the unbound, state in Postgres, then the features — all behind one error handler.
 */
export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const logger = options.logger ?? consoleLogger;
  const bot = new Bot<BotContext>(options.token, {
    botInfo: options.botInfo,
    client: {
      apiRoot: options.apiRoot,
      // grammY types its fetch as node-fetch's; the WHATWG fetch it is given works the same way.
      fetch: options.clientFetch as never,
    },
  });
  // Replies: a short wait at most (a flood limit of a few seconds), never the 60 s that would outlast
  // Telegram's webhook patience. The outbox sends through its own client with its own retry policy
  // (outboxApi in notify/delivery.ts): a failed delivery is kept and retried after a back-off.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: REPLY_MAX_RETRY_DELAY_SECONDS }));

  const service = createServiceClient(options.supabaseUrl, options.serviceRoleKey);
  const services: BotServices = {
    service,
    staffClients: new StaffClients({
      url: options.supabaseUrl, anonKey: options.anonKey, serviceKey: options.serviceRoleKey, sessionKey: options.sessionKey, service,
    }),
    logger,
    now: options.now,
    llm: options.llm,
    // config.ts spells it baseUrl; the parser (the OpenAI SDK) takes baseURL.
    nlu: createNlu(
      options.llm
        ? {
            apiKey: options.llm.apiKey,
            baseURL: options.llm.baseUrl,
            model: options.llm.model,
            timeoutMs: options.llm.timeoutMs,
            responseFormat: options.llm.responseFormat,
            reasoning: options.llmReasoning,
          }
        : {},
    ),
  };

  const handleError = createErrorHandler(logger);
  bot.catch(handleError);

  const guarded = bot.use(sequentialize(chatKey)).errorBoundary(handleError);
  guarded.use((ctx, next) => {
    ctx.services = services;
    return next();
  });
  if (options.rateLimit !== false) guarded.use(rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT));
  guarded.use(privateOnly);
  guarded.use(identify);
  guarded.use(unboundFeature);

  const bound = guarded.filter(isBound);
  bound.use(sessionInPostgres(services.service));
  bound.use(applyChosenLocale, rememberAppLanguage);
  // The work of one message; messages queued while a dialogue was open go through it afterwards.
  const work = new Composer<BotContext>();
  bound.use(workThroughQueue(work));
  work.use(
    conversations<BotContext, BotContext>({
      storage: {
        type: "context",
        adapter: {
          read: (ctx) => ctx.session.conversations,
          write: (ctx, state) => void (ctx.session.conversations = state),
          delete: (ctx) => void delete ctx.session.conversations,
        },
      },
    }),
  );
  work.use(typingDuringLlm);
  // Every dialogue first: one that is waiting sees the person's next message before any feature does.
  work.use(registerDialogs, unitsDialogs, followUpDialogs, discountDialogs, approvalsDialogs, reportsDialogs, deadlineDialogs, surveyDialogs, outingDialogs);
  work.use(rolesDialogs);
  work.use(startFeature, helpFeature, langFeature, whoamiFeature, cancelFeature, projectFeature);
  // Everything after this works in the chat's current project: someone in several chooses first.
  work.use(askForProject);
  // Per role (a broker's /today, 我的佣金, 日报, 撞单 ruling): before the consultant's features.
  work.use(rolesFeature);
  // 可比楼盘 … is said with its prefix: before the parser could read its prices as a unit search.
  work.use(surveyFeature, outingFeature);
  work.use(todayFeature, approvalsFeature, unitsFeature, registerFeature, followUpFeature, discountFeature, reportsFeature, deadlineFeature);
  for (const feature of options.features ?? []) work.use(feature);
  work.use(fallbackFeature);
  return bot;
}
