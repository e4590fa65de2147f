import { describe, expect, it } from "vitest";
import { measure } from "./accuracy.js";
import { allCases } from "./cases.js";
import { heldOutCases } from "./held-out.js";

describe("rule parser accuracy", () => {
  it("on the held-out set (never tuned on): ≥ 0.95 of intents and of fields", () => {
    const held = measure(heldOutCases);
    expect(held.size).toBeGreaterThanOrEqual(150);
    expect(held.intent).toBeGreaterThanOrEqual(0.95);
    expect(held.fields).toBeGreaterThanOrEqual(0.95);
  });

  it("on the case table: every message right", () => {
    const table = measure(allCases);
    expect(table.failures).toEqual([]);
  });

  it("the two sets do not share a message", () => {
    const table = new Set(allCases.map((c) => c.text));
    expect(heldOutCases.filter((c) => table.has(c.text)).map((c) => c.text)).toEqual([]);
  });
});
