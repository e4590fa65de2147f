import { isYmd, localToday } from "./calendar.js";
import { parse } from "./index.js";

/**
 * tsx bot/src/nlu/cli.ts [--today YYYY-MM-DD] "<text>"
 * Prints the parse of one message as a single JSON line.
 */
async function main(argv: string[]): Promise<number> {
  let today = localToday();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--today") {
      const value = argv[++i];
      if (value === undefined || !isYmd(value)) {
        process.stderr.write("--today needs a date as YYYY-MM-DD\n");
        return 2;
      }
      today = value;
    } else if (arg.startsWith("--today=")) {
      const value = arg.slice("--today=".length);
      if (!isYmd(value)) {
        process.stderr.write("--today needs a date as YYYY-MM-DD\n");
        return 2;
      }
      today = value;
    } else {
      words.push(arg);
    }
  }
  if (words.length === 0) {
    process.stderr.write('usage: tsx bot/src/nlu/cli.ts [--today YYYY-MM-DD] "<text>"\n');
    return 2;
  }
  const result = await parse(words.join(" "), { today });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
