import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";
import { customerOf, testName } from "../support/sales.ts";

const outingsBy = (staffId: string) =>
  sql<{ customer_id: string; destination: string; hours: number; returned: boolean }>(
    `select customer_id, destination, extract(epoch from expected_back_at - planned_out_at)::int / 3600 hours, returned_at is not null returned
       from public.outings where staff_id = $1 order by created_at`,
    [staffId],
  );

/** 外出带看 / /outing: a consultant reports before taking a customer out; a card is confirmed before it is saved. */
describe("reporting an outing (外出带看) in the bot", () => {
  it("reads `外出带看 name place`, shows the card and saves on 确认; a second report while out is refused", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const c = await customerOf(me.staff.id, testName());
    const card = me.texts(await me.say(`外出带看 ${c.name} 样板房`))[0];
    expect(card).toContain("🚗 外出带看报备");
    expect(card).toContain(`客户：${c.name}`);
    expect(card).toContain("目的地：样板房");
    expect(await outingsBy(me.staff.id)).toEqual([]);

    expect(me.texts(await me.tap("✅ 确认")).at(-1)).toContain(`✅ 已报备带 ${c.name} 外出看房`);
    expect(await outingsBy(me.staff.id)).toEqual([{ customer_id: c.id, destination: "样板房", hours: 2, returned: false }]);

    await me.say(`外出带看 ${c.name} 工地`);
    expect(me.texts(await me.tap("✅ 确认")).at(-1)).toBe("该客户已有未返回的外出带看");
    expect(await outingsBy(me.staff.id)).toHaveLength(1);
  });

  it("/outing asks for the customer and the place; the place can be changed on the card; English works too", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const c = await customerOf(me.staff.id, testName());
    expect(me.texts(await me.say(`/outing ${c.name}`))[0]).toContain("去哪里看？");
    expect(me.texts(await me.say("工地"))[0]).toContain("目的地：工地");
    await me.tap("✏️ 修改");
    expect(me.texts(await me.say("绿城桂语朝阳")).at(-1)).toContain("目的地：绿城桂语朝阳");
    await me.tap("✅ 确认");
    expect(await outingsBy(me.staff.id)).toEqual([{ customer_id: c.id, destination: "绿城桂语朝阳", hours: 2, returned: false }]);

    const en = await person(t, ["consultant"], { languageCode: "en" });
    await en.say("/lang en");
    const theirs = await customerOf(en.staff.id, testName());
    expect(en.texts(await en.say(`/outing ${theirs.name} 样板房`))[0]).toContain("Destination: 样板房");
    expect(en.texts(await en.tap("✅ Confirm")).at(-1)).toContain(`Outing with ${theirs.name} reported`);
  });

  it("is not for brokers or finance, and nothing is saved", async () => {
    const t = await testBot();
    for (const roles of [["broker"], ["finance"]] as const) {
      const who = await person(t, [...roles]);
      expect(who.texts(await who.say("外出带看 张伟 样板房"))[0]).toBe("外出带看报备只对本项目的置业顾问和经理开放。");
      expect(await outingsBy(who.staff.id)).toEqual([]);
    }
  });
});
