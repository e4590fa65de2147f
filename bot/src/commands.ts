import type { Api } from "grammy";
import { BROKER_ROLES, SALES_ROLES } from "@so/shared/enums";
import { DIRECTOR_ROLES } from "./features/roles/daily.ts";
import type { Locale } from "./i18n/index.ts";
import type { StaffRole } from "./i18n/roles.ts";

type Command = { command: string; description: string };
const d = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** Every command the bot knows, in menu order, with who it is for. */
const ALL: { command: string; description: Record<Locale, string>; roles: readonly StaffRole[] | "all"; severalProjects?: true }[] = [
  { command: "today", description: d("我的今日待办", "My day"), roles: [...SALES_ROLES, "finance", "broker"] },
  { command: "register", description: d("登记客户", "Register a customer"), roles: SALES_ROLES },
  { command: "followup", description: d("记录跟进", "Log a follow-up"), roles: SALES_ROLES },
  { command: "survey", description: d("登记可比楼盘（踩盘）", "Log a competitor survey"), roles: SALES_ROLES },
  { command: "outing", description: d("外出带看报备", "Report taking a customer out to view"), roles: SALES_ROLES },
  { command: "discount", description: d("申请特殊优惠", "Ask for a special discount"), roles: SALES_ROLES },
  { command: "requests", description: d("我的申请（审批进度 / 起草认购）", "My requests (approval / subscription)"), roles: SALES_ROLES },
  { command: "daily", description: d("销售日报", "Daily sales report"), roles: DIRECTOR_ROLES },
  { command: "report", description: d("报备客户", "Report a customer"), roles: BROKER_ROLES },
  { command: "reports", description: d("我的报备", "My reports"), roles: BROKER_ROLES },
  { command: "commission", description: d("我的佣金", "My commission"), roles: BROKER_ROLES },
  { command: "project", description: d("切换当前项目", "Switch the current project"), roles: "all", severalProjects: true },
  { command: "cancel", description: d("取消当前操作", "Cancel what is in progress"), roles: "all" },
  { command: "help", description: d("我能做什么", "What I can do"), roles: "all" },
  { command: "whoami", description: d("我的账号与角色", "My account and roles"), roles: "all" },
  { command: "lang", description: d("切换语言 中文 / English", "Switch language 中文 / English"), roles: "all" },
  { command: "start", description: d("开始 / 绑定账号", "Start / bind your account"), roles: "all" },
];

/**
 * The commands of these roles (all the bot's commands for nobody in particular), in one language;
 * /project only for people in several projects.
 */
export function commandsFor(roles: readonly StaffRole[] | null, locale: Locale, severalProjects = false): Command[] {
  return ALL.filter((c) => (roles === null || c.roles === "all" || c.roles.some((r) => roles.includes(r))) && (!c.severalProjects || severalProjects)).map((c) => ({
    command: c.command,
    description: c.description[locale],
  }));
}

/** The default command menu (before binding): Chinese, English for English-language apps. */
export const COMMANDS = { "zh-CN": commandsFor(null, "zh-CN"), en: commandsFor(null, "en") };

export async function publishCommands(api: Api): Promise<void> {
  await api.setMyCommands(COMMANDS["zh-CN"], { scope: { type: "all_private_chats" } });
  await api.setMyCommands(COMMANDS.en, { scope: { type: "all_private_chats" }, language_code: "en" });
}

/** A bound person's own menu: only the commands of their roles, in their language (their private chat). */
export async function publishCommandsFor(api: Api, chatId: number, roles: readonly StaffRole[], locale: Locale, severalProjects: boolean): Promise<void> {
  await api.setMyCommands(commandsFor(roles, locale, severalProjects), { scope: { type: "chat", chat_id: chatId } });
}
