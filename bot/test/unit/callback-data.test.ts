import { describe, expect, it } from "vitest";
import { callbackData } from "../../src/keyboards/callback-data.ts";

describe("callback data", () => {
  const decide = callbackData("ap", ["request", "step", "action"]);

  it("packs and unpacks values", () => {
    const data = decide.pack({ request: "8f0c", step: "2", action: "approve" });
    expect(data).toBe("ap:8f0c:2:approve");
    expect(decide.filter.test(data)).toBe(true);
    expect(decide.unpack(data)).toEqual({ request: "8f0c", step: "2", action: "approve" });
  });

  it("refuses forged or foreign payloads", () => {
    expect(decide.unpack("ap:8f0c:2")).toBeNull();
    expect(decide.unpack("lang:en")).toBeNull();
    expect(decide.unpack(undefined)).toBeNull();
    expect(decide.filter.test("apx:1:2:3")).toBe(false);
  });

  it("stays within Telegram's 64 bytes", () => {
    const uuid = "123e4567-e89b-42d3-a456-426614174000";
    expect(() => decide.pack({ request: uuid, step: "1", action: "reject" })).not.toThrow();
    expect(() => decide.pack({ request: uuid + uuid, step: "1", action: "reject" })).toThrow(/64 bytes/);
    expect(() => decide.pack({ request: "a:b", step: "1", action: "x" })).toThrow(/":"/);
  });
});
