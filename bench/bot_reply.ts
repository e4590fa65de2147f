import pg from "pg";
import type { Update } from "grammy/types";
import { createBot } from "../bot/src/bot.ts";
import { CONSOLE_BOT, FakeTelegram } from "../bot/src/console/fake-telegram.ts";
import { percentile, withBenchStack } from "./support.ts";

const WARMUP = 20;
const ROUNDS = 120; // per kind: 240 measured updates
const TELEGRAM_ID = 8_800_000_001;
const UNIT_QUERIES = ["3栋还有三房吗", "300万以内 120平左右", "1栋12层还有房吗", "2栋两房", "四房 140平左右", "400万以内 三房 10层以上"];
const NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇"];

/**
 * The bot's reply time, from an update in to its last Telegram API call out, with the rule
 * parser, a private stack and the Telegram API answered in process: a free-text registration up
 * to its confirmation card, and unit queries (a page of available units with buttons).
 */
export async function bench() {
  return withBenchStack(async (stack) => {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    await db.query("update public.staff set telegram_user_id = $1 where email = 'consultant1@demo.local'", [TELEGRAM_ID]);
    await db.end();

    let lastCallAt = 0;
    const telegram = new FakeTelegram({ id: TELEGRAM_ID, first_name: "王芳" }, () => {});
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await telegram.fetch(input, init);
      lastCallAt = performance.now();
      return response;
    };
    const bot = createBot({
      token: "bench", supabaseUrl: stack.url, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey, sessionKey: "bench-bot-session-key-0123456789abcdef",
      clientFetch: fetch, botInfo: CONSOLE_BOT, rateLimit: false,
      logger: { info: () => {}, warn: () => {}, error: (m, d) => console.error(m, d) },
    });
    await bot.init();

    let updateId = 1;
    const user = { id: TELEGRAM_ID, is_bot: false, first_name: "王芳", language_code: "zh-hans" };
    const message = (text: string): Update => ({
      update_id: updateId++,
      message: {
        message_id: telegram.takeMessageId(), date: Math.floor(Date.now() / 1000),
        chat: { id: TELEGRAM_ID, type: "private", first_name: "王芳" }, from: user, text,
        ...(text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0].length }] } : {}),
      },
    });
    const reply = async (text: string) => {
      const t0 = performance.now();
      lastCallAt = t0;
      await bot.handleUpdate(message(text));
      return lastCallAt - t0;
    };

    let phone = 19_900_000_000;
    const register = async (i: number) => {
      const ms = await reply(`${NAMES[i % NAMES.length]} ${phone++} 来访 想要三房 预算300万 A类`);
      await reply("/cancel"); // not measured: leaves the card, ready for the next one
      return ms;
    };
    const query = (i: number) => reply(UNIT_QUERIES[i % UNIT_QUERIES.length]);

    for (let i = 0; i < WARMUP; i++) {
      await register(i);
      await query(i);
    }
    const registration: number[] = [];
    const units: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      registration.push(await register(i));
      units.push(await query(i));
    }
    const all = [...registration, ...units];
    return {
      bench: "bot_reply",
      p50_ms: percentile(all, 50),
      p95_ms: percentile(all, 95),
      register_p50_ms: percentile(registration, 50),
      register_p95_ms: percentile(registration, 95),
      units_p50_ms: percentile(units, 50),
      units_p95_ms: percentile(units, 95),
      updates: all.length,
    };
  });
}
