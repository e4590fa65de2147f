import readline from "node:readline";
import { loadEnvFile } from "@so/shared/env-file";
import { DEMO_ACCOUNTS } from "@so/supabase/local/demo-accounts";
import { createBot } from "./bot.ts";
import { ConfigError } from "./config.ts";
import { prepareAccount, type ConsoleAccount } from "./console/account.ts";
import { CONSOLE_USAGE, parseConsoleArgs } from "./console/args.ts";
import { CONSOLE_BOT, FakeTelegram } from "./console/fake-telegram.ts";
import { renderEvent, type TappableButton } from "./console/render.ts";
import { ensureStack, type ConsoleStack } from "./console/stack.ts";
import { ConsoleUpdates } from "./console/updates.ts";
import type { Logger } from "./logger.ts";
import { createDelivery, type Delivery } from "./notify/delivery.ts";

/**
 * `npm run bot:console`: the same bot in the terminal, no Telegram. Typed lines become messages,
 * a button's number taps it; Ctrl-D (end of input) quits, undoing the binding made for the session.
 */
loadEnvFile();
const args = parseConsoleArgs(process.argv.slice(2));
if (args.help) {
  console.log(CONSOLE_USAGE);
  process.exit(0);
}

const out = (text: string) => process.stdout.write(`${text}\n`);
const interactive = Boolean(process.stdin.isTTY);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
const lines = rl[Symbol.asyncIterator]();
const nextLine = async (): Promise<string | undefined> => {
  const { value, done } = await lines.next();
  return done ? undefined : String(value);
};
rl.on("SIGINT", () => rl.close());
process.once("SIGTERM", () => rl.close());

const logger: Logger = {
  info: () => {},
  warn: (message, detail) => console.error(`⚠ ${message}`, detail ?? ""),
  error: (message, detail) => console.error(`⚠ ${message}`, detail ?? ""),
};

async function chooseAccount(): Promise<string | undefined> {
  if (args.as) return args.as;
  out("以哪个演示账号身份使用机器人？Which demo account do you want to be?");
  DEMO_ACCOUNTS.forEach((a, i) => out(`  [${i + 1}] ${a.email.replace("@demo.local", "")}  ${a.label}`));
  if (interactive) process.stdout.write("编号或账号 Number or account: ");
  const answer = (await nextLine())?.trim();
  if (!answer) return undefined;
  const index = Number(answer);
  return Number.isInteger(index) && DEMO_ACCOUNTS[index - 1] ? DEMO_ACCOUNTS[index - 1].email : answer;
}

async function main() {
  let stack: ConsoleStack | undefined;
  let account: ConsoleAccount | undefined;
  let delivery: Delivery | undefined;
  try {
    stack = await ensureStack(out);
    const who = await chooseAccount();
    if (!who) return;
    account = await prepareAccount(stack.supabase, who);

    const user = { id: account.telegramUserId, is_bot: false, first_name: account.name, language_code: args.languageCode };
    let buttons: TappableButton[] = [];
    const telegram = new FakeTelegram({ id: user.id, first_name: user.first_name }, (event) => {
      const rendered = renderEvent(event);
      out(rendered.text);
      if (rendered.buttons) buttons = rendered.buttons;
    });
    const updates = new ConsoleUpdates(user);
    const { supabase } = stack;
    const bot = createBot({
      token: "console",
      supabaseUrl: supabase.url,
      anonKey: supabase.anonKey,
      serviceRoleKey: supabase.serviceRoleKey,
      sessionKey: supabase.sessionKey,
      clientFetch: telegram.fetch,
      botInfo: CONSOLE_BOT,
      rateLimit: false,
      logger,
    });
    await bot.init();
    // The outbox for this person only (cards, decisions, reminders), never anybody else's.
    delivery = createDelivery({
      api: bot.api, supabaseUrl: supabase.url, anonKey: supabase.anonKey, serviceRoleKey: supabase.serviceRoleKey,
      sessionKey: supabase.sessionKey, logger, recipientId: account.staffId, digestEveryMs: false, pollMs: 1_000,
    });

    out(`\n控制台模式：您现在是 ${account.name}（${account.email}，Telegram ID ${account.telegramUserId}）。`);
    out(`Console mode: you are ${account.name}. 输入消息发送，输入按钮编号点击按钮，Ctrl-D 退出。Type to send, a number taps a button, Ctrl-D quits.\n`);
    if (account.bindCode) {
      out(`你 > /start ${account.bindCode}`);
      await bot.handleUpdate(updates.text(telegram.takeMessageId(), `/start ${account.bindCode}`));
    }
    delivery.start();

    for (;;) {
      if (interactive) process.stdout.write("你 > ");
      const line = await nextLine();
      if (line === undefined) break;
      const text = line.trim();
      if (!text) continue;
      if (!interactive) out(`你 > ${text}`);
      const tapped = /^\d+$/.test(text) ? buttons[Number(text) - 1] : undefined;
      const message = tapped && telegram.message(tapped.messageId);
      if (tapped && message) {
        out(`（点击 tapped「${tapped.label}」）`);
        await bot.handleUpdate(updates.tap(message, tapped.data));
      } else {
        await bot.handleUpdate(updates.text(telegram.takeMessageId(), text));
      }
    }
  } finally {
    rl.close();
    await delivery?.stop();
    await account?.release().catch((error) => logger.warn("解绑失败 Could not unbind", error));
    await stack?.stop();
  }
}

main().then(
  () => {
    out("再见 Bye.");
    process.exit(0);
  },
  (error) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
