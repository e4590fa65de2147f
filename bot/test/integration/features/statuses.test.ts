import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { person, type Person } from "../support/chat.ts";
import { customerOf, freshPhone, testBuilding, testName } from "../support/sales.ts";

type Status = "pool" | "active" | "subscribed" | "signed" | "lost";
const STATUSES: Status[] = ["pool", "active", "subscribed", "signed", "lost"];

/** One of my customers in this state (arranged in SQL). */
async function customerIn(staffId: string, status: Status) {
  const c = await customerOf(staffId, testName());
  if (status === "pool") await sql("update public.customers set owned_since = now() - interval '400 days' where id = $1", [c.id]);
  if (status === "subscribed" || status === "signed" || status === "lost") {
    await sql(
      "update public.customers set status = $2::public.customer_status, lost_reason = case when $2 = 'lost' then '预算不足' end where id = $1",
      [c.id, status],
    );
  }
  return c;
}

const GENERIC_ERROR = "出错了";
const tapIfThere = async (me: Person, label: string | RegExp) => {
  try {
    return me.texts(await me.tap(label));
  } catch {
    return [];
  }
};

describe("every customer status through every dialogue", () => {
  it("follow-up, registration, hold and discount never end in 出错了, and what is said matches what is written", { timeout: 180_000 }, async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const said: string[] = [];

    for (const status of STATUSES) {
      const c = await customerIn(me.staff.id, status);
      const label = `${status} ${c.name}`;

      // 追访
      said.push(...me.texts(await me.say(`${c.name} 电话 嫌贵 下周三再约`)));
      const afterFollowUp = await tapIfThere(me, "✅ 确认");
      said.push(...afterFollowUp);
      const logged = await sql("select 1 from public.follow_ups where customer_id = $1", [c.id]);
      expect(logged.length > 0, label).toBe(afterFollowUp.some((x) => x.startsWith(`✅ 已记录 ${c.name}`)));
      if (status === "subscribed" || status === "signed") expect(logged, `${label}: saved`).toHaveLength(1);
      await tapIfThere(me, "✖️ 取消");

      // 登记 with the same phone: the card says before 确认 what will happen
      const card = me.texts(await me.say(`登记 ${c.name} ${c.phone} 来访`)).at(-1)!;
      said.push(card);
      expect(card, label).toMatch(/ℹ️ 该手机号已是您的客户|ℹ️ 该客户在公客池/);
      said.push(...(await tapIfThere(me, "✅ 确认")));

      // 锁定 a unit for them
      const b = await testBuilding(1);
      await me.say(`${b.code}-1201`);
      said.push(...(await tapIfThere(me, "🔒 锁定给客户")));
      const holdAnswer = me.texts(await me.say(c.name));
      said.push(...holdAnswer);
      await tapIfThere(me, "✖️ 取消");
      const [unit] = await sql<{ held_for: string | null }>("select held_for from public.units where id = $1", [b.units[0].id]);
      expect(unit.held_for === c.id, label).toBe(holdAnswer.some((x) => x.startsWith(`🔒 已为 ${c.name} 锁定`)));
      if (status === "lost") expect(holdAnswer.join()).toContain("客户已流失");
      if (unit.held_for) await sql("update public.units set status = 'available', held_by = null, held_for = null, hold_expires_at = null where id = $1", [b.units[0].id]);

      // 申请优惠 on it
      said.push(...me.texts(await me.say(`${b.code}-1201 ${c.name} 申请97折`)));
      said.push(...(await tapIfThere(me, "✖️ 取消")));
    }

    if (process.env.SHOW_SAID) console.log(said.join("\n---\n"));
    expect(said.filter((x) => x.includes(GENERIC_ERROR))).toEqual([]);
    expect(t.logged.filter((l) => l.level === "error")).toEqual([]);
  });

  it("撞单 is on the confirmation card BEFORE saving; only 确认 records it", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const rival = await person(t, ["consultant"], { name: `对手${testName()}` });
    const theirs = await customerOf(rival.staff.id, testName());

    const card = me.texts(await me.say(`登记 ${testName()} ${theirs.phone} 来电`)).at(-1)!;
    expect(card).toContain(`⚠️ 撞单预警：该手机号已是置业顾问 ${rival.staff.name} 的客户。确认后客户归属不变，将记录撞单并通知销售经理裁定。`);
    expect(await sql("select 1 from public.customer_collisions where customer_id = $1", [theirs.id])).toEqual([]);
    const saved = me.texts(await me.tap("✅ 确认"));
    expect(saved.at(-1)).toContain("⚠️ 撞单");
    expect(await sql("select 1 from public.customer_collisions where customer_id = $1", [theirs.id])).toHaveLength(1);

    // A new phone: no warning on the card.
    const fresh = me.texts(await me.say(`登记 ${testName()} ${freshPhone()} 来电`)).at(-1)!;
    expect(fresh).not.toMatch(/撞单|ℹ️/);
  });
});
