import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";
import { customerOf, freshPhone, PROJECT, testName } from "../support/sales.ts";

const followUpsOf = (staffId: string) =>
  sql<{ customer_id: string; method: string; content: string }>(
    "select customer_id, method::text as method, content from public.follow_ups where staff_id = $1 order by created_at, id",
    [staffId],
  );

describe("customers named in a message are resolved among mine first", () => {
  it("a story about my own customer is a follow-up, not a registration; someone else's customer of that name is not mine", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const rival = await person(t, ["consultant"]);
    const mine = await customerOf(me.staff.id, testName());
    const theirs = await customerOf(rival.staff.id, testName());

    // The parser alone reads this as a registration (a name and a need, no phone).
    expect(me.texts(await me.say(`${mine.name} 想要三房`))).toEqual(["跟进方式？"]);
    const card = me.texts(await me.tap("面访")).at(-1)!;
    expect(card).toContain(`客户：${mine.name}`);
    expect(card).toContain("内容：想要三房");
    await me.tap("✅ 确认");
    expect(await followUpsOf(me.staff.id)).toEqual([{ customer_id: mine.id, method: "visit", content: "想要三房" }]);

    // The rival's customer is not mine (RLS and ownership): the same kind of message is a registration.
    expect(me.texts(await me.say(`${theirs.name} 想要三房`))).toEqual(["请发送客户手机号（11位）："]);
    await me.tap("✖️ 取消");

    // Only a name, which the parser does not understand: mine → a follow-up; the rival's → not understood.
    expect(me.texts(await me.say(mine.name))).toEqual(["跟进方式？"]);
    await me.tap("✖️ 取消");
    expect(me.texts(await me.say(theirs.name))).toEqual(["抱歉，我还不明白这条消息。发送 /help 查看我能做的事。"]);
  });

  it("刚才那个 / 他 means the customer I just worked on; two of mine with the name are offered as buttons", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const a = await customerOf(me.staff.id, testName());
    await me.say(`${a.name} 电话 嫌贵`);
    await me.tap("✅ 确认");

    const card = me.texts(await me.say("下午call过他了 还是嫌贵")).at(-1)!;
    expect(card).toContain(`客户：${a.name}`);
    expect(card).toContain("方式：电话");
    await me.tap("✅ 确认");
    expect(me.texts(await me.say("刚才那个 发了价格表"))).toEqual(["跟进方式？"]);
    expect(me.texts(await me.tap("微信")).at(-1)).toContain("内容：发了价格表");
    await me.tap("✅ 确认");
    expect((await followUpsOf(me.staff.id)).map((f) => [f.customer_id, f.content])).toEqual([
      [a.id, "嫌贵"], [a.id, "下午电话过他了 还是嫌贵"], [a.id, "发了价格表"],
    ]);

    // 尾号: my customer by the last four digits of the phone.
    const tail = a.phone.slice(7);
    expect(me.texts(await me.say(`尾号${tail}的 发了价格表 月底前回访`))).toEqual(["跟进方式？"]);
    const byTail = me.texts(await me.tap("微信")).at(-1)!;
    expect(byTail).toContain(`客户：${a.name}`);
    expect(byTail).toContain("内容：发了价格表 月底前回访");
    await me.tap("✖️ 取消");

    const twin = await customerOf(me.staff.id, a.name);
    expect(me.texts(await me.say(a.name))).toEqual([`找到多位「${a.name}」，请选择：`]);
    expect(me.last().buttons.map((b) => b.text)).toContain(`${twin.name} ${twin.phone.slice(0, 3)}****${twin.phone.slice(7)}`);
  });

  it("a name nobody has is offered for registration, and the follow-up goes on for the new customer", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    // A three-character name nobody in the project has.
    let name = "";
    for (const given of "晓旭昊瑾珂琪璇") {
      name = `${testName()}${given}`;
      if ((await sql("select 1 from public.customers where project_id = $1 and name = $2", [PROJECT, name])).length === 0) break;
    }
    const phone = freshPhone();

    const none = me.texts(await me.say(`${name} 电话 嫌贵`))[0];
    expect(none).toContain(`没有找到「${name}」`);
    expect(me.texts(await me.tap(`➕ 登记新客户「${name}」`))).toEqual(["请发送客户手机号（11位）："]);
    await me.say(phone);
    const registerCard = me.texts(await me.tap("来访")).at(-1)!;
    expect(registerCard).toContain(name);
    const afterRegister = me.texts(await me.tap("✅ 确认"));
    expect(afterRegister.join("\n")).toContain(`✅ 已登记新客户：${name}`);
    expect(afterRegister.at(-1)).toContain(`客户：${name}`);
    expect(afterRegister.at(-1)).toContain("内容：嫌贵");
    await me.tap("✅ 确认");
    const [customer] = await sql<{ id: string; owner_id: string }>(
      "select id, owner_id from public.customers where project_id = $1 and phone = $2", [PROJECT, phone],
    );
    expect(customer.owner_id).toBe(me.staff.id);
    expect(await followUpsOf(me.staff.id)).toEqual([{ customer_id: customer.id, method: "phone", content: "嫌贵" }]);
  });
});
