import { parseRules } from "../bot/src/nlu/rules.ts";
import { allCases, MONDAY } from "../bot/test/unit/nlu/cases.ts";

const WORK_MS = 2_000;

/** Rule-parser throughput over the messages of the parser's test table, for about two seconds. */
export async function bench() {
  const messages = allCases.map((c) => ({ text: c.text, today: c.today ?? MONDAY }));
  for (const m of messages) parseRules(m.text, { today: m.today });

  let count = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < WORK_MS) {
    for (const m of messages) parseRules(m.text, { today: m.today });
    count += messages.length;
    elapsed = performance.now() - t0;
  }
  return { bench: "bot_parse", msgs_per_s: Math.round(count / (elapsed / 1000)), messages: messages.length };
}
