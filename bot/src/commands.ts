import type { Api } from "grammy";

/** The command menu Telegram shows: Chinese by default, English for English-language apps. */
export const COMMANDS = {
  "zh-CN": [
    { command: "start", description: "开始 / 绑定账号" },
    { command: "help", description: "我能做什么" },
    { command: "whoami", description: "我的账号与角色" },
    { command: "lang", description: "切换语言 中文 / English" },
  ],
  en: [
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
