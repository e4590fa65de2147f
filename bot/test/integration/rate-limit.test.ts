import { describe, expect, it } from "vitest";
import { bindViaStart, testBot } from "./support/bot.ts";
import { createStaff } from "./support/staff.ts";
import { telegramUser, textMessage } from "./support/telegram.ts";

describe("per-person rate limit", () => {
  it("answers once when a person goes over the limit, then ignores them; others are unaffected", async () => {
    const staff = await createStaff(["consultant"]);
    const t = await testBot({ rateLimit: { limit: 3, timeFrame: 10 * 60_000 } });
    const user = telegramUser();
    await bindViaStart(t, user, staff.id); // 1

    expect((await t.send(textMessage(user, "/help")))[0].payload.text).toContain(staff.name); // 2
    expect((await t.send(textMessage(user, "/help")))[0].payload.text).toContain(staff.name); // 3
    const over = await t.send(textMessage(user, "/help"));
    expect(over.map((c) => c.payload.text)).toEqual(["操作太频繁了，请稍后再试。"]);
    expect(await t.send(textMessage(user, "/help"))).toEqual([]);

    const someoneElse = await t.send(textMessage(telegramUser(), "/start"));
    expect(someoneElse[0].payload.text).toContain("我的绑定码");
  });
});
