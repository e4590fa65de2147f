import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { answerOf, person } from "../support/chat.ts";
import { customerOf, freshPhone, testName } from "../support/sales.ts";

const customersOf = (staffId: string) =>
  sql<{ name: string; phone: string; source: string; grade: string | null; rooms: number | null; budget_max: string | null; owner_id: string }>(
    "select name, phone, source::text, grade, rooms, budget_max::text, owner_id from public.customers where created_by = $1 order by created_at",
    [staffId],
  );

describe("registering a customer", () => {
  it("reads one message, shows a card, and writes only after 确认", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const phone = freshPhone();

    const card = me.texts(await me.say(`张三 ${phone} 来访 想要三房 预算300万 A类`));
    expect(card).toHaveLength(1);
    expect(card[0]).toContain("姓名：张三");
    expect(card[0]).toContain(`手机：${phone}`);
    expect(card[0]).toContain("来源：来访");
    expect(card[0]).toContain("意向等级：A");
    expect(card[0]).toContain("需求：3室 · 预算300万");
    expect(me.last().buttons.map((b) => b.text)).toEqual(["✅ 确认", "✏️ 修改", "✖️ 取消"]);
    expect(await customersOf(me.staff.id)).toEqual([]);

    const done = me.texts(await me.tap("✅ 确认"));
    expect(done.at(-1)).toBe(`✅ 已登记新客户：张三（${phone.slice(0, 3)}****${phone.slice(7)}），归属于您。`);
    expect(await customersOf(me.staff.id)).toEqual([
      { name: "张三", phone, source: "walk_in", grade: "A", rooms: 3, budget_max: "3000000.00", owner_id: me.staff.id },
    ]);
    expect(me.messages().every((m) => m.buttons.length === 0)).toBe(true);

    // A tap on the confirmed card again finds no dialogue behind it.
    const again = await me.tapData(me.messages().at(-2)!.buttons[0]?.data ?? "d:ok:", me.messages().at(-2));
    expect(answerOf(again)).toBe("这个按钮已失效。");
    expect(await customersOf(me.staff.id)).toHaveLength(1);
  });

  it("guides step by step with /register, refuses a wrong phone, and lets a field be changed before 确认", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const phone = freshPhone();
    const name = testName();

    expect(me.texts(await me.say("/register"))).toEqual(["请发送客户姓名："]);
    expect(me.texts(await me.say("李四"))).toEqual(["请发送客户手机号（11位）："]);
    const wrong = me.texts(await me.say("1381234567"));
    expect(wrong[0]).toBe("手机号格式不正确，请输入11位大陆手机号，例如 13812345678。");
    expect(wrong[1]).toBe("请发送客户手机号（11位）：");
    expect(me.texts(await me.say(phone))).toEqual(["客户来源是？"]);
    expect(me.texts(await me.tap("老带新"))).toContain("意向等级？");
    expect(me.texts(await me.tap(/^B/))).toContain("客户需求？例如：三房 120平左右 预算300万 自住（没有可点「跳过」）");
    const card = me.texts(await me.say("两房 90平左右 预算200万 投资"));
    expect(card.at(-1)).toContain("需求：2室 · 80–100㎡ · 预算200万 · 投资");

    await me.tap("✏️ 修改");
    expect(me.last().buttons.map((b) => b.text)).toContain("姓名");
    expect(me.texts(await me.tap("姓名"))).toEqual(["请发送客户姓名："]);
    expect(me.texts(await me.say(name)).at(-1)).toContain(`姓名：${name}`);
    await me.tap("✅ 确认");
    expect(await customersOf(me.staff.id)).toMatchObject([{ name, phone, source: "referral", grade: "B", rooms: 2, budget_max: "2000000.00" }]);
  });

  it("says when the number in the message is not a mobile, and writes nothing when cancelled", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const asked = me.texts(await me.say("张三 1381234567 来访"));
    expect(asked).toEqual(["没有识别到有效的手机号（需为11位大陆手机号）。请重新发送客户手机号："]);
    expect(me.texts(await me.say("/cancel"))).toEqual(["已取消，没有保存任何内容。"]);
    expect(await customersOf(me.staff.id)).toEqual([]);
    expect(me.texts(await me.say("/cancel"))).toEqual(["当前没有进行中的操作。"]);
  });

  it("shows what the database decided: already yours, 撞单, claimed from the pool", async () => {
    const t = await testBot();
    const owner = await person(t, ["consultant"], { name: "赵顾问" });
    const other = await person(t, ["consultant"]);
    const mine = await customerOf(owner.staff.id, testName());

    await owner.say(`${mine.name} ${mine.phone} 来电`);
    expect(owner.texts(await owner.tap("✅ 确认")).at(-1)).toContain("已是您的客户，无需重复登记");

    await other.say(`钱七 ${mine.phone} 来访`);
    const collision = other.texts(await other.tap("✅ 确认")).at(-1)!;
    expect(collision).toContain("⚠️ 撞单");
    expect(collision).toContain("赵顾问");
    const [c] = await sql<{ owner_id: string; open: string }>(
      "select c.owner_id, count(k.*)::text as open from public.customers c left join public.customer_collisions k on k.customer_id = c.id and k.status = 'open' where c.id = $1 group by c.owner_id",
      [mine.id],
    );
    expect(c).toEqual({ owner_id: owner.staff.id, open: "1" });

    // Ownership lapsed: the next registration claims the customer from the pool.
    await sql("update public.customers set owned_since = now() - interval '60 days' where id = $1", [mine.id]);
    await other.say(`钱七 ${mine.phone} 来访`);
    expect(other.texts(await other.tap("✅ 确认")).at(-1)).toContain("原在公客池，已认领到您名下");
    expect((await sql("select owner_id from public.customers where id = $1", [mine.id]))[0].owner_id).toBe(other.staff.id);
  });

  it("answers in English for an English Telegram app, and a broker is pointed to 报备", async () => {
    const t = await testBot();
    const en = await person(t, ["consultant"], { languageCode: "en" });
    const card = en.texts(await en.say(`王五 ${freshPhone()} 来电 B类`));
    expect(card[0]).toContain("📋 Please check the customer:");
    expect(card[0]).toContain("Source: Phone call");
    expect(en.last().buttons.map((b) => b.text)).toEqual(["✅ Confirm", "✏️ Change", "✖️ Cancel"]);

    const broker = await person(t, ["broker"]);
    expect(broker.texts(await broker.say(`王五 ${freshPhone()} 来访`))[0]).toContain("经纪人请发送「报备");
  });
});
