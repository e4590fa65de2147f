import { describe, expect, it } from "vitest";
import { loadChinese, loadEnglish } from "../../src/i18n/messages.ts";
import { ROLES } from "../../src/session/roles.ts";

const en = await loadEnglish();
const zhCN = (await loadChinese()) as unknown as typeof import("../../src/i18n/zh-CN.json");

const keys = (value: unknown, prefix = ""): string[] =>
  value && typeof value === "object"
    ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe("translations", () => {
  it("zh-CN and en have the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it("every role has a Chinese label and duties", () => {
    for (const role of ROLES) {
      expect(zhCN.roles[role]).toMatch(/\p{Script=Han}/u);
      expect(zhCN.roleDuties[role]).toMatch(/\p{Script=Han}/u);
    }
  });
});
