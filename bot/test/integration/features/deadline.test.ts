import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { todayIn } from "../../../src/features/common/clock.ts";
import { addDays } from "../../../src/nlu/calendar.ts";
import { testBot } from "../support/bot.ts";
import { answerOf, delivery, person, type Person } from "../support/chat.ts";
import { customerOf, PROJECT, testBuilding, testName } from "../support/sales.ts";

/**
 * 逾期未签约 in Telegram: past the contract deadline the manager's card carries 延期7天 / 延期… /
 * 发起退房; the consultant reads the same news without buttons. Every tap is decided by the database.
 */

/** An active subscription of the consultant's customer whose deadline passed `daysAgo` days ago (office's today). */
async function overdue(consultantId: string, daysAgo = 2) {
  const b = await testBuilding(1);
  const c = await customerOf(consultantId, testName());
  const [s] = await sql<{ id: string; contract_deadline: string }>(
    `insert into public.subscriptions (project_id, unit_id, customer_id, consultant_id, payment_method, list_price,
                                       price_after_policies, price, buildup, deposit_due, contract_deadline, created_by)
     values ($1, $2, $3, $4, 'full', 3000000, 3000000, 3000000, '{}'::jsonb, 100000, private.project_today($1) - $5::int, $4)
     returning id, contract_deadline::text`,
    [PROJECT, b.units[0].id, c.id, consultantId, daysAgo],
  );
  await sql("update public.units set status = 'subscribed' where id = $1", [b.units[0].id]);
  return { id: s.id, deadline: s.contract_deadline, label: b.units[0].label, customer: c.name };
}

const deadlineOf = async (id: string) =>
  (await sql<{ d: string }>("select contract_deadline::text as d from public.subscriptions where id = $1", [id]))[0].d;

const cardOf = (p: Person, label: string) => p.messages().filter((m) => m.text.includes("⛔") && m.text.includes(label)).at(-1)!;

/** The scheduled job's reminders, delivered. */
async function remind(t: Parameters<typeof delivery>[0]) {
  await sql("select private.remind_contract_deadlines()");
  await delivery(t).outbox.drain();
}

describe("the overdue-deadline card", () => {
  it("lets the manager extend by 7 days with a reason; the consultant's forged tap and a second tap change nothing", async () => {
    const t = await testBot();
    const consultant = await person(t, ["consultant"]);
    const manager = await person(t, ["sales_manager"], { name: "延期经理" });
    const s = await overdue(consultant.staff.id);
    await remind(t);

    const card = cardOf(manager, s.label);
    expect(card.text).toContain(`⛔ 已过签约期限 2 天：${s.label} · ${s.customer}`);
    expect(card.buttons.map((b) => b.text)).toEqual(["📅 延期7天", "📅 延期…", "↩️ 发起退房"]);
    const mine = cardOf(consultant, s.label);
    expect(mine.buttons).toEqual([]);

    // The consultant forges the manager's button: refused by the database, nothing written.
    expect(answerOf(await consultant.tapData(card.buttons[0].data, mine))).toBe("只有销售经理及以上可以处理逾期认购，未做任何更改。");
    expect(await deadlineOf(s.id)).toBe(s.deadline);

    await manager.tapData(card.buttons[0].data, card);
    expect(manager.last().text).toBe(`延期至 ${addDays(todayIn(), 7)}。请发送延期原因（会记录并告知置业顾问）：`);
    await manager.say("客户在筹款，下周补齐定金");
    const moved = addDays(todayIn(), 7);
    expect(await deadlineOf(s.id)).toBe(moved);
    expect(manager.texts(await manager.say("/today")).join()).not.toContain("请发送延期原因");
    expect(cardOf(manager, s.label).text).toContain(`✅ 已延期至 ${moved}（原因：客户在筹款，下周补齐定金）`);
    expect(cardOf(manager, s.label).buttons).toEqual([]);
    const audit = await sql<{ actor: string; surface: string; after: { contract_deadline: string; reason: string } }>(
      "select actor, surface, after from public.audit_log where action = 'subscription.extend_deadline' and record_id = $1",
      [s.id],
    );
    expect(audit.map((a) => [a.actor, a.after.contract_deadline, a.after.reason])).toEqual([[manager.staff.id, moved, "客户在筹款，下周补齐定金"]]);

    // A second tap on the old card: the deadline is no longer the card's.
    expect(answerOf(await manager.tapData(card.buttons[1].data, card))).toBe(`签约期限已延至 ${moved}，未做任何更改。`);
    expect(await deadlineOf(s.id)).toBe(moved);

    await delivery(t).outbox.drain();
    expect(consultant.messages().some((m) => m.text.includes(`📅 签约期限已延至 ${moved}`) && m.text.includes("客户在筹款"))).toBe(true);
  });

  it("lets the manager start 退房: a pending cancellation approval; a converted subscription is refused", async () => {
    const t = await testBot();
    const consultant = await person(t, ["consultant"]);
    const manager = await person(t, ["sales_manager"]);
    const s = await overdue(consultant.staff.id, 3);
    const done = await overdue(consultant.staff.id, 3);
    await remind(t);

    await manager.tapData(cardOf(manager, s.label).buttons[2].data, cardOf(manager, s.label));
    expect(manager.last().text).toBe("请发送退房原因（将提交退房审批）：");
    await manager.say("客户放弃购买");
    const changes = await sql<{ kind: string; status: string; reason: string; approval_status: string }>(
      `select u.kind, u.status, u.reason, a.status as approval_status
         from public.unit_changes u join public.approvals a on a.id = u.approval_id where u.subscription_id = $1`,
      [s.id],
    );
    expect(changes).toEqual([{ kind: "cancellation", status: "pending", reason: "客户放弃购买", approval_status: "pending" }]);
    expect(cardOf(manager, s.label).text).toContain("↩️ 已发起退房，等待审批（原因：客户放弃购买）");
    expect(cardOf(manager, s.label).buttons).toEqual([]);

    await sql("update public.subscriptions set status = 'converted' where id = $1", [done.id]);
    const card = cardOf(manager, done.label);
    expect(answerOf(await manager.tapData(card.buttons[2].data, card))).toBe("该认购已签约或已结束，无需处理，未做任何更改。");
    expect(await sql("select 1 from public.unit_changes where subscription_id = $1", [done.id])).toEqual([]);
    expect(cardOf(manager, done.label).buttons).toEqual([]);
  });

  it("speaks English to an English speaker and takes the new day for 延期…", async () => {
    const t = await testBot();
    const consultant = await person(t, ["consultant"]);
    const manager = await person(t, ["sales_manager"], { languageCode: "en" });
    await manager.say("/help"); // the bot learns the app's language from what the person sends
    const s = await overdue(consultant.staff.id);
    await remind(t);

    const card = cardOf(manager, s.label);
    expect(card.buttons.map((b) => b.text)).toEqual(["📅 Extend 7 days", "📅 Extend to…", "↩️ Start cancellation"]);
    await manager.tapData(card.buttons[1].data, card);
    expect(manager.last().text).toBe("Extend to which day? (e.g. 2026-12-20, 12月20日, 下周五)");
    await manager.say("whenever");
    expect(manager.messages().some((m) => m.text === "I could not read that date; please try again (e.g. 2026-12-20).")).toBe(true);
    const day = addDays(todayIn(), 10);
    await manager.say(day);
    expect(manager.last().text).toBe(`Extend to ${day}. Send the reason (it is recorded and the consultant is told):`);
    await manager.say("bank loan delayed");
    expect(await deadlineOf(s.id)).toBe(day);
    expect(cardOf(manager, s.label).text).toContain(`✅ Extended to ${day} (reason: bank loan delayed)`);
  });
});
