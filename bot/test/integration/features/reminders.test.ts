import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { todayIn } from "../../../src/features/common/clock.ts";
import { testBot } from "../support/bot.ts";
import { delivery, person } from "../support/chat.ts";
import { customerOf, PROJECT, testBuilding, testName } from "../support/sales.ts";

/**
 * Reminders the database enqueues (run_reminders, driven by the bot's scheduler) as people read
 * them in Telegram, and /today with 当天签约 and 应收款.
 */

/** A subscription of the consultant's customer on a unit (deadline `deadlineIn` days from the office's today). */
async function subscription(staffId: string, customerId: string, unitId: string, deadlineIn: number) {
  const [s] = await sql<{ id: string }>(
    `insert into public.subscriptions (project_id, unit_id, customer_id, consultant_id, payment_method, list_price,
                                       price_after_policies, price, buildup, deposit_due, contract_deadline, created_by)
     values ($1, $2, $3, $4, 'full', 3000000, 3000000, 3000000, '{}'::jsonb, 100000, private.project_today($1) + $5::int, $4)
     returning id`,
    [PROJECT, unitId, customerId, staffId, deadlineIn],
  );
  await sql("update public.units set status = 'subscribed' where id = $1", [unitId]);
  return s.id;
}

/** An approved contract on that subscription with one plan item of `amount` due `dueIn` days from today. */
async function contract(staffId: string, customerId: string, unitId: string, dueIn: number, amount = "3000000") {
  const subscriptionId = await subscription(staffId, customerId, unitId, 7);
  const id = randomUUID();
  await sql(
    `insert into public.contracts (id, project_id, subscription_id, unit_id, customer_id, consultant_id, contract_no, price,
                                   payment_method, status, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8::numeric, 'full', 'approved', $6)`,
    [id, PROJECT, subscriptionId, unitId, customerId, staffId, `HT-${id.slice(0, 6)}`, amount],
  );
  await sql(
    `insert into public.payment_plan_items (contract_id, project_id, seq, due_date, amount, kind)
     values ($1, $2, 1, private.project_today($2) + $3::int, $4::numeric, 'installment')`,
    [id, PROJECT, dueIn, amount],
  );
  return `HT-${id.slice(0, 6)}`;
}

describe("reminders in Telegram", () => {
  it("follow-up due, pool warning, pooled, payment due and overdue reach the consultant once; finance gets its digest", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const other = await person(t, ["consultant"]);
    const finance = await person(t, ["finance"]);
    const due = await customerOf(me.staff.id, testName());
    const soon = await customerOf(me.staff.id, testName());
    const gone = await customerOf(me.staff.id, testName());
    const payer = await customerOf(me.staff.id, testName());
    const late = await customerOf(me.staff.id, testName());
    await sql(
      `insert into public.follow_ups (project_id, customer_id, staff_id, method, content, next_date)
       values ($1, $2, $3, 'phone', '约看样板间', private.project_today($1))`,
      [PROJECT, due.id, me.staff.id],
    );
    await sql("update public.customers set owned_since = now() - interval '28 days' where id = $1", [soon.id]);
    await sql("update public.customers set owned_since = now() - interval '30 days 1 hour' where id = $1", [gone.id]);
    const b = await testBuilding(2);
    const dueNo = await contract(me.staff.id, payer.id, b.units[0].id, 0, "500000");
    const lateNo = await contract(me.staff.id, late.id, b.units[1].id, -8, "800000");

    const { outbox, digests } = delivery(t);
    const [y, m, d] = todayIn().split("-").map(Number);
    await digests.round();
    await digests.round(new Date(Date.UTC(y, m - 1, d, 10 - 8))); // 10:00 in Shanghai: the morning digests
    await digests.round();
    await outbox.drain();

    const mine = me.messages().map((x) => x.text);
    const once = (text: string) => expect(mine.filter((x) => x === text), text).toHaveLength(1);
    const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
    once(`📞 今天该追访客户 ${due.name}（${masked(due.phone)}）了。上次：约看样板间`);
    expect(mine.filter((x) => x.startsWith(`⏳ 客户 ${soon.name}（${masked(soon.phone)}）2 天后（`) && x.endsWith("）将超过保护期进入公客池，请及时追访。"))).toHaveLength(1);
    once(`🕳 客户 ${gone.name}（${masked(gone.phone)}）已超过保护期进入公客池，其他顾问可以认领。如仍在跟进，请尽快从公客池认领。`);
    once(`💴 今日应收：${b.units[0].label} · ${payer.name} 房款 50万（合同 ${dueNo}），请跟进收款。`);
    once(`⚠️ 逾期未收 8 天：${b.units[1].label} · ${late.name} 房款 80万（合同 ${lateNo}），请催款。`);

    // finance: the same payment reminders and one morning digest of collections
    const theirs = finance.messages().map((x) => x.text);
    expect(theirs.filter((x) => x.includes(`合同 ${dueNo}`))).toHaveLength(1);
    expect(theirs.filter((x) => x.includes(`合同 ${lateNo}`))).toHaveLength(1);
    const digest = theirs.filter((x) => x.startsWith("☀️ 早上好！云栖雅苑 今日收款 · "));
    expect(digest).toHaveLength(1);
    expect(digest[0]).toMatch(/💴 今日应收 \d+ 笔，共 .+\n⚠️ 逾期未收 \d+ 笔，共 /);

    // the other consultant hears about none of it
    expect(other.messages().filter((x) => /追访|公客池|应收|逾期未收/.test(x.text))).toHaveLength(0);
  });

  it("speaks English to an English speaker", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"], { languageCode: "en" });
    await me.say("/help"); // the bot learns the app's language from what the person sends
    const c = await customerOf(me.staff.id, testName());
    await sql("update public.customers set owned_since = now() - interval '30 days 1 hour' where id = $1", [c.id]);
    const { outbox, digests } = delivery(t);
    await digests.round();
    await outbox.drain();
    expect(me.messages().map((x) => x.text)).toContain(
      `🕳 ${c.name} (${c.phone.slice(0, 3)}****${c.phone.slice(7)}) passed the protection period and is in the public pool; other consultants may claim them. Claim them back if you are still on it.`,
    );
  });
});

describe("/today with 当天签约 and 应收款", () => {
  it("lists my subscriptions due for signing and my receivables due or overdue — not a colleague's", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const colleague = await person(t, ["consultant"]);
    const a = await customerOf(me.staff.id, testName());
    const c = await customerOf(me.staff.id, testName());
    const x = await customerOf(colleague.staff.id, testName());
    const b = await testBuilding(3);
    await subscription(me.staff.id, a.id, b.units[0].id, 0);
    await contract(me.staff.id, c.id, b.units[1].id, -3, "1200000");
    await subscription(colleague.staff.id, x.id, b.units[2].id, 0);

    const text = me.texts(await me.say("/today"))[0];
    expect(text).toContain("🖊 当天签约 2 件：");
    expect(text).toContain(`• ${b.units[0].label} · ${a.name} · 300万 — 今天签约期限`);
    expect(text).toContain(`• ${b.units[1].label} · ${c.name} · 120万 — 合同已审批，待签约`);
    // the contract's overdue instalment, and the 定金 of today's 认购 not yet received
    expect(text).toContain("💴 应收款 2 笔（其中逾期 1 笔）：");
    expect(text).toContain(`• ${b.units[1].label} · ${c.name} · 房款 120万 — 逾期3天`);
    expect(text).toContain(`• ${b.units[0].label} · ${a.name} · 定金 10万 — 今天到期`);
    expect(text).not.toContain(x.name);
    const theirs = colleague.texts(await colleague.say("/today"))[0];
    expect(theirs).toContain(`• ${b.units[2].label} · ${x.name} · 300万 — 今天签约期限`);
    expect(theirs).toContain("💴 应收款 1 笔：");
    expect(theirs).not.toContain(a.name);
    expect(theirs).not.toContain(c.name);
  });
});
