import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { parseLocale, resolveLocale, translator } from "../../src/i18n/index.ts";
import { describeRoles } from "../../src/i18n/roles.ts";
import { zhCN } from "../../src/i18n/zh-CN.ts";

describe("i18n", () => {
  it("answers in Chinese unless the person chose English or uses an English app or profile", () => {
    expect(resolveLocale({})).toBe("zh-CN");
    expect(resolveLocale({ languageCode: "zh-hans" })).toBe("zh-CN");
    expect(resolveLocale({ languageCode: "ru" })).toBe("zh-CN");
    expect(resolveLocale({ languageCode: "en" })).toBe("en");
    expect(resolveLocale({ languageCode: "en-GB" })).toBe("en");
    expect(resolveLocale({ staffLocale: "en", languageCode: "zh-hans" })).toBe("en");
    expect(resolveLocale({ chosen: "zh-CN", staffLocale: "en", languageCode: "en" })).toBe("zh-CN");
  });

  it("understands /lang arguments", () => {
    expect(parseLocale("zh")).toBe("zh-CN");
    expect(parseLocale(" 中文 ")).toBe("zh-CN");
    expect(parseLocale("EN")).toBe("en");
    expect(parseLocale("English")).toBe("en");
    expect(parseLocale("fr")).toBeUndefined();
  });

  it("has every message in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, value] of Object.entries(en)) expect(typeof value, key).toBe(typeof zhCN[key as keyof typeof zhCN]);
  });

  it("fills parameters and names roles per project", () => {
    const t = translator("zh-CN");
    expect(t("bind.success", { name: "王芳", roles: "云栖雅苑 · 置业顾问" })).toContain("您好，王芳");
    expect(
      describeRoles(t, [
        { projectId: "a", projectName: "云栖雅苑", role: "consultant" },
        { projectId: "a", projectName: "云栖雅苑", role: "sales_manager" },
        { projectId: "b", projectName: "滨江府", role: "finance" },
      ]),
    ).toBe("云栖雅苑 · 置业顾问、销售经理；滨江府 · 财务");
    expect(describeRoles(translator("en"), [{ projectId: "a", projectName: "云栖雅苑", role: "gm" }])).toBe("云栖雅苑 · General manager");
  });
});
