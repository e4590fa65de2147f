import type { Api } from "grammy";

/** The command menu Telegram shows: Chinese by default, English for English-language apps. */
export const COMMANDS = {
  "zh-CN": [
    { command: "today", description: "我的今日待办" },
    { command: "register", description: "登记客户" },
    { command: "followup", description: "记录跟进" },
    { command: "discount", description: "申请特殊优惠" },
    { command: "reports", description: "我的报备（经纪人）" },
    { command: "cancel", description: "取消当前操作" },
    { command: "start", description: "开始 / 绑定账号" },
    { command: "help", description: "我能做什么" },
    { command: "whoami", description: "我的账号与角色" },
    { command: "lang", description: "切换语言 中文 / English" },
  ],
  en: [
    { command: "today", description: "My day" },
    { command: "register", description: "Register a customer" },
    { command: "followup", description: "Log a follow-up" },
    { command: "discount", description: "Ask for a special discount" },
    { command: "reports", description: "My reports (brokers)" },
    { command: "cancel", description: "Cancel what is in progress" },
    { command: "start", description: "Start / bind your account" },
    { command: "help", description: "What I can do" },
    { command: "whoami", description: "My account and roles" },
    { command: "lang", description: "Switch language 中文 / English" },
  ],
};

export async function publishCommands(api: Api): Promise<void> {
  await api.setMyCommands(COMMANDS["zh-CN"], { scope: { type: "all_private_chats" } });
  await api.setMyCommands(COMMANDS.en, { scope: { type: "all_private_chats" }, language_code: "en" });
}
