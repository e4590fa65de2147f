import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { Person, person } from "../support/chat.ts";
import { customerOf, freshPhone, testBuilding, testName } from "../support/sales.ts";

describe("a restart in the middle of a dialogue", () => {
  it("continues the guided registration where the person was", async () => {
    const first = await testBot();
    const before = await person(first, ["consultant"]);
    await before.say("/register");
    await before.say("周八");

    // A new bot process over the same database (and the same Telegram chat).
    const second = await testBot({ telegram: first.telegram });
    const after = new Person(second, before.user, before.staff);
    const phone = freshPhone();
    expect(after.texts(await after.say(phone))).toEqual(["客户来源是？"]);
    await after.tap("来电");
    await after.tap("跳过");
    const card = after.texts(await after.tap("跳过")).at(-1)!;
    expect(card).toContain("姓名：周八");
    await after.tap("✅ 确认");
    expect(await sql("select name, source::text from public.customers where phone = $1", [phone])).toEqual([{ name: "周八", source: "call" }]);
  });

  it("keeps a card waiting for 确认 across the restart, and the discount dialogue with its ticked policy", async () => {
    const first = await testBot();
    const me = await person(first, ["consultant"]);
    const b = await testBuilding(1);
    const c = await customerOf(me.staff.id, testName());
    await me.say(`${b.units[0].label} ${c.name} 申请94折 客户全款`);
    await me.tap("☐ 一次性付款98折");

    const second = await testBot({ telegram: first.telegram });
    const after = new Person(second, me.user, me.staff);
    await after.tap("📨 提交申请");
    expect(await sql("select depth_pct::text, array_length(policy_ids, 1) as n from public.discount_requests where customer_id = $1", [c.id]))
      .toEqual([{ depth_pct: "4.08", n: 1 }]);
  });
});
