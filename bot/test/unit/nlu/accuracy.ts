import { parseRules } from "../../../src/nlu/rules.js";
import type { ParseCase } from "./cases.js";
import { MONDAY } from "./cases.js";

export interface Accuracy {
  size: number;
  intent: number;
  fields: number;
  /** Expected field values compared (each leaf of each expectation). */
  fieldCount: number;
  failures: Array<{ text: string; wrong: string[] }>;
}

/**
 * Intent accuracy: share of messages whose intent is right. Field accuracy: share of the
 * expected field values (each leaf an expectation lists) that the parse gives exactly; a field
 * of a message whose intent is wrong counts as wrong, and an absent optional field equals null.
 */
export function measure(cases: ParseCase[]): Accuracy {
  let intents = 0;
  let fields = 0;
  let fieldCount = 0;
  const failures: Accuracy["failures"] = [];
  for (const testCase of cases) {
    const result = parseRules(testCase.text, { today: testCase.today ?? MONDAY }) as Record<string, unknown>;
    const wrong: string[] = [];
    const intentOk = result.intent === testCase.expect.intent;
    if (intentOk) intents++;
    else wrong.push(`intent=${String(result.intent)}`);
    for (const [group, expected] of Object.entries(testCase.expect)) {
      if (group === "intent" || expected === undefined) continue;
      for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
        fieldCount++;
        const actual = intentOk ? ((result[group] as Record<string, unknown> | undefined)?.[key] ?? null) : undefined;
        if (intentOk && JSON.stringify(actual) === JSON.stringify(value ?? null)) fields++;
        else if (intentOk) wrong.push(`${key}=${JSON.stringify(actual)}`);
      }
    }
    if (wrong.length) failures.push({ text: testCase.text, wrong });
  }
  return {
    size: cases.length,
    intent: cases.length ? intents / cases.length : 1,
    fields: fieldCount ? fields / fieldCount : 1,
    fieldCount,
    failures,
  };
}
