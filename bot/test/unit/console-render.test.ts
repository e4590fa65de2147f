import { describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { parseConsoleArgs } from "../../src/console/args.ts";
import { renderEvent } from "../../src/console/render.ts";

const message = (text: string, reply_markup?: unknown) =>
  ({ message_id: 7, date: 0, chat: { id: 1, type: "private", first_name: "王芳" }, text, reply_markup }) as Message;

describe("console rendering", () => {
  it("shows inline buttons as numbered choices", () => {
    const out = renderEvent({
      kind: "message",
      edited: false,
      message: message("优惠审批：3 栋 1203", {
        inline_keyboard: [
          [
            { text: "同意", callback_data: "ap:1:1:ok" },
            { text: "驳回", callback_data: "ap:1:1:no" },
          ],
          [{ text: "打开后台", url: "https://admin.example.com" }],
        ],
      }),
    });
    expect(out.text).toContain("🤖\n   优惠审批：3 栋 1203");
    expect(out.text).toContain("[1] 同意  [2] 驳回");
    expect(out.text).toContain("[🔗 打开后台: https://admin.example.com]");
    expect(out.buttons).toEqual([
      { messageId: 7, label: "同意", data: "ap:1:1:ok" },
      { messageId: 7, label: "驳回", data: "ap:1:1:no" },
    ]);
  });

  it("keeps the current buttons for a plain message and clears them when a card is edited without any", () => {
    expect(renderEvent({ kind: "message", edited: false, message: message("你好") }).buttons).toBeUndefined();
    expect(renderEvent({ kind: "message", edited: true, message: message("已同意") }).buttons).toEqual([]);
    expect(renderEvent({ kind: "alert", text: "已处理" }).text).toContain("已处理");
  });

  it("parses its arguments", () => {
    expect(parseConsoleArgs(["--as", "manager"])).toMatchObject({ as: "manager", languageCode: "zh-hans" });
    expect(parseConsoleArgs(["--as=finance@demo.local", "--lang", "en"])).toMatchObject({ as: "finance@demo.local", languageCode: "en" });
    expect(parseConsoleArgs(["consultant2"]).as).toBe("consultant2");
  });
});
