import type { ConversationData, ConversationFlavor, VersionedState } from "@grammyjs/conversations";
import type { Context, SessionFlavor } from "grammy";
import type { Message } from "grammy/types";
import type { LlmConfig } from "./config.ts";
import type { Db } from "./db/clients.ts";
import type { StaffMember } from "./db/identity.ts";
import type { StaffClients } from "./db/staff-clients.ts";
import type { Locale, Translate } from "./i18n/index.ts";
import type { Logger } from "./logger.ts";
import type { Nlu } from "./nlu/index.ts";

/** Per-chat state kept in Postgres (`bot_sessions`), so a restart mid-dialogue loses nothing. */
export interface SessionData {
  /** The language chosen with /lang; unset means "follow the profile / Telegram app". */
  locale?: Locale;
  /** The conversations plugin's state (dialogues in progress). */
  conversations?: VersionedState<ConversationData>;
  /**
   * Messages typed while a dialogue waited on something else: handled, oldest first, as soon as
   * no dialogue is open (features/common/queue.ts). Never dropped silently.
   */
  queued?: Message[];
  /** The customer the person last worked on in the bot (刚才那个 / 他 in the next message). */
  lastCustomer?: { id: string; name: string; phone: string };
  /** The project chosen with /project: every feature works in it (people in several projects choose once). */
  projectId?: string;
  /** The Telegram app's language as last seen: messages the bot sends on its own (notifications) use it too. */
  appLanguage?: string;
}

/** What every update can reach: the bot's own clients and settings. */
export interface BotServices {
  /** Service role: binding, identity look-up, bot state. Never for acting on behalf of a person. */
  service: Db;
  staffClients: StaffClients;
  logger: Logger;
  /** The clock for "today", when fixed (tests); otherwise the database's now() decides. */
  now?: () => Date;
  llm?: LlmConfig;
  /** Free text → intent and fields: the LLM when configured, the rules otherwise. */
  nlu: Nlu;
}

interface BotFlavor {
  services: BotServices;
  /** Whoever is bound to this Telegram account, active or not (null when nobody is). */
  identity: StaffMember | null;
  /** The bound, active staff member the bot acts for. */
  staff: StaffMember | null;
  /** supabase-js acting as `staff` on their own Auth session, which the bot keeps for them (StaffClients). */
  db: Db | null;
  locale: Locale;
  t: Translate;
}

export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & BotFlavor>;

/** The context of features: a bound, active staff member and their own database client. */
export type BoundContext = BotContext & { staff: StaffMember; db: Db };

export const isBound = (ctx: BotContext): ctx is BoundContext => ctx.staff !== null && ctx.db !== null;
