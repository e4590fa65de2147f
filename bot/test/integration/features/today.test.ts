import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../../supabase/tests/support/clients.ts";
import { todayIn } from "../../../src/features/common/clock.ts";
import { testBot } from "../support/bot.ts";
import { delivery, person, Person } from "../support/chat.ts";
import { customerOf, testBuilding, testName } from "../support/sales.ts";

/** A follow-up of the customer whose next date is `days` from today (negative: overdue). */
const dueIn = (staffId: string, customerId: string, days: number, content: string) =>
  sql(
    `insert into public.follow_ups (project_id, customer_id, staff_id, method, content, next_date)
     values ('10000000-0000-4000-8000-000000000001', $1, $2, 'phone', $3, $4::date + $5::int)`,
    [customerId, staffId, content, todayIn(), days],
  );

/** An instant given as Asia/Shanghai wall-clock time on day `ymd` (UTC+8, no DST). */
const shanghai = (ymd: string, hh: number, mm: number) => {
  const [y, m, d] = ymd.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh - 8, mm));
};
const addDays = (ymd: string, days: number) => {
  const [y, m, d] = ymd.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

describe("my day", () => {
  it("/today lists follow-ups due and overdue, my holds and the approvals waiting for me", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const manager = await person(t, ["sales_manager"]);
    const late = await customerOf(me.staff.id, testName());
    const today = await customerOf(me.staff.id, testName());
    const later = await customerOf(me.staff.id, testName());
    await dueIn(me.staff.id, late.id, -2, "嫌价格高");
    await dueIn(me.staff.id, today.id, 0, "约看样板间");
    await dueIn(me.staff.id, later.id, 3, "下周再联系");
    const b = await testBuilding(2);
    await sql("update public.units set status = 'held', held_by = $2, held_for = $3, hold_expires_at = now() + interval '20 minutes' where id = $1",
      [b.units[0].id, me.staff.id, today.id]);

    const text = me.texts(await me.say("/today"))[0];
    expect(text).toContain("📞 待跟进 2 位（其中逾期 1 位）：");
    expect(text).toContain(`• ${late.name} ${late.phone.slice(0, 3)}****${late.phone.slice(7)} — 逾期2天（上次：嫌价格高）`);
    expect(text).toContain(`• ${today.name} ${today.phone.slice(0, 3)}****${today.phone.slice(7)} — 今天（上次：约看样板间）`);
    expect(text).not.toContain(later.name);
    expect(text).toContain("🔒 我的锁定 1 套：");
    expect(text).toMatch(new RegExp(`• ${b.units[0].label} · ${today.name} — \\d\\d:\\d\\d 到期`));

    // A discount request of mine waits for the manager, whose /today offers its card.
    const client = await signedIn(me.staff.email);
    const req = await client.rpc("request_discount", {
      p_unit_id: b.units[1].id, p_customer_id: later.id, p_policy_ids: [], p_requested_price: "2950000", p_reason: "老客户介绍",
    });
    expect(req.error).toBeNull();
    const mine = manager.texts(await manager.say("/today"))[0];
    expect(mine).toContain(`特殊优惠 · ${b.units[1].label} · ${later.name} · 295万（申请人 ${me.staff.name}）`);
    const card = manager.texts(await manager.tap(`查看审批 ${b.units[1].label}`))[0];
    expect(card).toContain("🔔 特殊优惠审批 · 第1步/共1步（销售经理）");
    expect(manager.last().buttons.map((x) => x.text)).toEqual(["✅ 同意", "❌ 驳回"]);
  });

  it("sends the morning digest once per person per day, at the project's digest hour", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const c = await customerOf(me.staff.id, testName());
    await dueIn(me.staff.id, c.id, -1, "等年终奖");
    const { outbox, digests } = delivery(t);
    const at = (hour: number, days = 0) => {
      const [y, m, d] = todayIn().split("-").map(Number);
      return new Date(Date.UTC(y, m - 1, d + days, hour - 8)); // hh:00 in Asia/Shanghai
    };
    const digestsOf = () =>
      sql("select 1 from public.notifications where recipient_id = $1 and kind = 'daily_digest'", [me.staff.id]);

    await digests.round(at(8)); // before digest_hour (9): nothing yet
    expect(await digestsOf()).toHaveLength(0);
    await digests.round(at(10));
    await digests.round(at(11));
    expect(await digestsOf()).toHaveLength(1);

    await outbox.drain();
    const morning = me.messages().filter((m) => m.text.startsWith("☀️ 早上好！今日待办"));
    expect(morning).toHaveLength(1);
    expect(morning[0].text).toContain(`• ${c.name} `);
    expect(morning[0].text).toContain("逾期1天（上次：等年终奖）");
    expect(await sql("select day::text from public.digest_log where staff_id = $1", [me.staff.id])).toEqual([{ day: todayIn() }]);

    await outbox.drain();
    expect(me.messages().filter((m) => m.text.startsWith("☀️"))).toHaveLength(1);
    await digests.round(at(10, 1)); // the next day: one more
    expect(await digestsOf()).toHaveLength(2);
  });

  it("counts the day in the office's time zone: the same /today at 19:10 UTC (03:10 in Shanghai) and 08:30 UTC", async () => {
    // The office's day S; 19:10 UTC of the day before is 03:10 on S in Shanghai, 08:30 UTC on S is 16:30.
    // A /today that took the UTC date at 19:10 would call S−2 "1 day overdue" and miss S altogether.
    const day = todayIn();
    const instants = { "19:10Z": shanghai(day, 3, 10), "08:30Z": shanghai(day, 16, 30) };
    expect(instants["19:10Z"].toISOString()).toBe(`${addDays(day, -1)}T19:10:00.000Z`);
    expect(instants["08:30Z"].toISOString()).toBe(`${day}T08:30:00.000Z`);

    const seen: Record<string, string> = {};
    let me: Person | null = null;
    let names: { late: string; today: string; later: string } | null = null;
    for (const [label, at] of Object.entries(instants)) {
      const t = await testBot({ now: () => at });
      if (!me) {
        me = await person(t, ["consultant"]);
        const late = await customerOf(me.staff.id, testName());
        const today = await customerOf(me.staff.id, testName());
        const later = await customerOf(me.staff.id, testName());
        await dueIn(me.staff.id, late.id, -2, "嫌价格高");
        await dueIn(me.staff.id, today.id, 0, "约看样板间");
        await dueIn(me.staff.id, later.id, 1, "明天再联系");
        names = { late: late.name, today: today.name, later: later.name };
      }
      const chat = new Person(t, me.user, me.staff); // the same person, talking to the bot with this clock
      seen[label] = chat.texts(await chat.say("/today"))[0];
    }
    for (const [label, text] of Object.entries(seen)) {
      expect(text, label).toContain(`📋 今日待办 · ${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`);
      expect(text, label).toContain("📞 待跟进 2 位（其中逾期 1 位）：");
      expect(text, label).toContain(`• ${names!.late} `);
      expect(text, label).toContain("— 逾期2天（上次：嫌价格高）");
      expect(text, label).toContain(`• ${names!.today} `);
      expect(text, label).toContain("— 今天（上次：约看样板间）");
      expect(text, label).not.toContain(names!.later);
    }
    expect(seen["19:10Z"]).toBe(seen["08:30Z"]);
  });
});
