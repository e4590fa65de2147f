export interface ConsoleArgs {
  /** Demo account name (`consultant1`) or e-mail. */
  as?: string;
  /** Language of the fake Telegram app (`zh-hans` unless `--lang en`). */
  languageCode: string;
  help: boolean;
}

export function parseConsoleArgs(argv: string[]): ConsoleArgs {
  const args: ConsoleArgs = { languageCode: "zh-hans", help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split("=", 2);
    const take = () => inline ?? argv[++i];
    if (flag === "--as") args.as = take();
    else if (flag === "--lang") args.languageCode = take() ?? args.languageCode;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else if (!arg.startsWith("-") && !args.as) args.as = arg;
  }
  return args;
}

export const CONSOLE_USAGE = `用法 Usage: npm run bot:console -- [--as consultant1] [--lang en]

在终端里使用机器人，不需要 Telegram：输入文字即发送消息，输入按钮编号即点击按钮，Ctrl-D 退出。
The bot in the terminal, no Telegram needed: type to send a message, type a button's number to
tap it, Ctrl-D to quit.

  --as <账号>   以哪个演示账号身份 (consultant1, manager@demo.local…)；不填则询问
  --lang en    模拟英文 Telegram 客户端 / act as an English-language Telegram app

使用 SUPABASE_URL（及密钥、BOT_SESSION_KEY）时连接该项目，否则使用或启动本地环境；非演示账号的
密码放在 BOT_CONSOLE_PASSWORD。With SUPABASE_URL (+ keys, BOT_SESSION_KEY) it talks to that
project, else it reuses or starts the local stack; for a non-demo account put its password in
BOT_CONSOLE_PASSWORD.`;
