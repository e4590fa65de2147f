import { parseRules } from "../bot/src/nlu/rules.ts";
import { measure } from "../bot/test/unit/nlu/accuracy.ts";
import { allCases, MONDAY } from "../bot/test/unit/nlu/cases.ts";
import { heldOutCases } from "../bot/test/unit/nlu/held-out.ts";

const WORK_MS = 2_000;
const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Rule-parser throughput over the messages of the parser's test table and held-out set, for about
 * two seconds, and its accuracy (share of intents right, share of expected field values right) on
 * each set. The held-out set is never tuned on; its figures are the ones to quote.
 */
export async function bench() {
  const messages = [...allCases, ...heldOutCases].map((c) => ({ text: c.text, today: c.today ?? MONDAY }));
  for (const m of messages) parseRules(m.text, { today: m.today });

  let count = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < WORK_MS) {
    for (const m of messages) parseRules(m.text, { today: m.today });
    count += messages.length;
    elapsed = performance.now() - t0;
  }
  const table = measure(allCases);
  const held = measure(heldOutCases);
  return {
    bench: "bot_parse",
    msgs_per_s: Math.round(count / (elapsed / 1000)),
    messages: messages.length,
    cases_size: table.size,
    cases_intent_accuracy: round(table.intent),
    cases_field_accuracy: round(table.fields),
    cases_fields: table.fieldCount,
    held_out_size: held.size,
    held_out_intent_accuracy: round(held.intent),
    held_out_field_accuracy: round(held.fields),
    held_out_fields: held.fieldCount,
  };
}
