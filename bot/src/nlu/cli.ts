import { isYmd, localToday } from "./calendar.js";
import { createNlu, type NluConfig } from "./index.js";

/**
 * tsx bot/src/nlu/cli.ts [--today YYYY-MM-DD] "<text>"
 * Prints the parse of one message as a single JSON line: the LLM's when OPENAI_API_KEY is set
 * (OPENAI_BASE_URL, OPENAI_MODEL optional), the rules' otherwise or when the LLM fails.
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
  const { result, fallbackReason } = await createNlu(configFromEnv(process.env)).parseWithSource(words.join(" "), { today });
  if (fallbackReason) process.stderr.write(`LLM 未采用，使用规则解析 LLM not used, rules instead: ${fallbackReason}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

function configFromEnv(env: NodeJS.ProcessEnv): NluConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  const timeout = Number(value("OPENAI_TIMEOUT_MS"));
  const format = value("OPENAI_RESPONSE_FORMAT");
  return {
    apiKey: value("OPENAI_API_KEY"),
    baseURL: value("OPENAI_BASE_URL"),
    model: value("OPENAI_MODEL"),
    ...(Number.isInteger(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
    ...(format === "json_schema" || format === "json_object" ? { responseFormat: format } : {}),
  };
}

process.exitCode = await main(process.argv.slice(2));
