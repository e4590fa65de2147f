import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";
import { customerOf, testName } from "../support/sales.ts";

const followUpsOf = (staffId: string) =>
  sql<{ name: string; method: string; content: string }>(
    `select c.name, f.method::text as method, f.content from public.follow_ups f join public.customers c on c.id = f.customer_id
      where f.staff_id = $1 order by f.created_at, f.id`,
    [staffId],
  );

describe("never losing a message while a card or question is open", () => {
  it("queues rapid follow-ups typed while the bot waits for 跟进方式, then works through them in order", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const [a, b, c] = [await customerOf(me.staff.id, testName()), await customerOf(me.staff.id, testName()), await customerOf(me.staff.id, testName())];

    expect(me.texts(await me.say(`${a.name} 嫌贵 下周三再约`))).toEqual(["跟进方式？"]);
    // Two more follow-ups, typed before the first one is answered: neither is swallowed.
    expect(me.texts(await me.say(`${b.name} 电话 嫌远 明天再打`))).toEqual(["先处理上一张卡片，这条已排队（第 1 条）。不要了请点上一张卡片的「取消」。"]);
    expect(me.texts(await me.say(`${c.name} 微信 发了价格表`))).toEqual(["先处理上一张卡片，这条已排队（第 2 条）。不要了请点上一张卡片的「取消」。"]);
    // The question still waits, with its buttons.
    expect(me.withButton("电话").message.text).toBe("跟进方式？");

    const firstCard = me.texts(await me.tap("电话")).at(-1)!;
    expect(firstCard).toContain(`客户：${a.name}`);
    expect(firstCard).toContain("方式：电话");

    // Saving the first card brings up the next queued message at once.
    const afterFirst = me.texts(await me.tap("✅ 确认"));
    expect(afterFirst).toContain(`接着处理排队的消息：「${b.name} 电话 嫌远 明天再打」`);
    expect(afterFirst.at(-1)).toContain(`客户：${b.name}`);
    expect(afterFirst.at(-1)).toContain("内容：嫌远");

    const afterSecond = me.texts(await me.tap("✅ 确认"));
    expect(afterSecond).toContain(`接着处理排队的消息：「${c.name} 微信 发了价格表」`);
    expect(afterSecond.at(-1)).toContain(`客户：${c.name}`);
    await me.tap("✅ 确认");

    expect(await followUpsOf(me.staff.id)).toEqual([
      { name: a.name, method: "phone", content: "嫌贵" },
      { name: b.name, method: "phone", content: "嫌远" },
      { name: c.name, method: "wechat", content: "发了价格表" },
    ]);
  });

  it("keeps an open card when something new is typed, and a typed method name answers the method question", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const [a, b] = [await customerOf(me.staff.id, testName()), await customerOf(me.staff.id, testName())];

    expect(me.texts(await me.say(`${a.name} 回访`))).toEqual(["跟进方式？"]);
    expect(me.texts(await me.say("vx"))).toEqual(["跟进内容（客户的反馈、抗性）："]);
    const card = me.texts(await me.say("发了样板间视频"))[0];
    expect(card).toContain("方式：微信");

    // A new message while the card is open: queued, and the card keeps its buttons.
    const queued = me.texts(await me.say(`${b.name} 电话 没接`));
    expect(queued).toEqual(["先处理上一张卡片，这条已排队（第 1 条）。不要了请点上一张卡片的「取消」。"]);
    expect(queued.join()).not.toContain("已放弃");
    expect(me.withButton("✅ 确认").message.text).toContain(`客户：${a.name}`);

    // Cancelling the open card goes on with the queued one; nothing of the first is written.
    const next = me.texts(await me.tap("✖️ 取消"));
    expect(next).toContain(`接着处理排队的消息：「${b.name} 电话 没接」`);
    expect(next.at(-1)).toContain(`客户：${b.name}`);
    await me.tap("✅ 确认");
    expect(await followUpsOf(me.staff.id)).toEqual([{ name: b.name, method: "phone", content: "没接" }]);
  });

  it("a command that replaces an open card says so; a full queue refuses aloud rather than dropping", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const a = await customerOf(me.staff.id, testName());
    await me.say(`${a.name} 电话 嫌贵`);
    const replaced = me.texts(await me.say("/register"));
    expect(replaced[0]).toBe("上一张卡片未确认，已为您开始新的操作（上一张没有保存）。");
    expect(replaced.at(-1)).toBe("请发送客户姓名：");
    await me.say("取消");

    await me.say(`${a.name} 电话 嫌贵`);
    for (let i = 1; i <= 10; i++) {
      expect(me.texts(await me.say(`${a.name} 微信 第${i}条`))[0]).toContain(`这条已排队（第 ${i} 条）`);
    }
    expect(me.texts(await me.say(`${a.name} 微信 第11条`))).toEqual(["已有 10 条消息在排队，这条没有收下。请先处理上一张卡片，稍后再发。"]);
  });

  it("a queued message survives a restart of the bot", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const [a, b] = [await customerOf(me.staff.id, testName()), await customerOf(me.staff.id, testName())];
    await me.say(`${a.name} 电话 嫌贵`);
    await me.say(`${b.name} 微信 发了户型图`);

    const restarted = await testBot({ telegram: t.telegram });
    const again = new (me.constructor as typeof import("../support/chat.ts").Person)(restarted, me.user, me.staff);
    const after = again.texts(await again.tap("✅ 确认"));
    expect(after).toContain(`接着处理排队的消息：「${b.name} 微信 发了户型图」`);
    await again.tap("✅ 确认");
    expect((await followUpsOf(me.staff.id)).map((r) => r.name)).toEqual([a.name, b.name]);
  });
});
