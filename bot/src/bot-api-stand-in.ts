import type { UserFromGetMe } from "grammy/types";

// What an in-process stand-in for the Telegram Bot API needs (the console's and the tests'):
// the bot it answers getMe with, and the call grammY's client made.

/** The 销售案场助手 bot as getMe describes it, with none of Telegram's optional bot features on. */
export function standInBot(bot: { id: number; username: string; can_join_groups: boolean }): UserFromGetMe {
  return {
    ...bot,
    is_bot: true,
    first_name: "销售案场助手",
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** The method and JSON payload of a request grammY sends through `client.fetch`. */
export function readBotApiCall(input: string | URL | Request, init?: RequestInit): { method: string; payload: Record<string, unknown> } {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return {
    method: url.slice(url.lastIndexOf("/") + 1),
    payload: typeof init?.body === "string" ? JSON.parse(init.body) : {},
  };
}
