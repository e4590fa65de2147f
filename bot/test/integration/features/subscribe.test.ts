import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot, type TestBot } from "../support/bot.ts";
import { answerOf, delivery, person, type Person } from "../support/chat.ts";
import { customerOf, testBuilding, testName } from "../support/sales.ts";

/** A 2% discount (98折, the sales manager alone decides), asked through the bot by the consultant. */
async function askTwoPercent(consultant: Person) {
  const b = await testBuilding(1);
  const c = await customerOf(consultant.staff.id, testName());
  await consultant.say(`${b.units[0].label} ${c.name} 申请98折 客户当天能签`);
  await consultant.tap("📨 提交申请");
  const [r] = await sql<{ id: string; approval_id: string }>("select id, approval_id from public.discount_requests where customer_id = $1", [c.id]);
  return { ...r, unit: b.units[0], customer: c };
}

/** The manager decides the request's current step as in the admin (decide_approval). */
async function decide(manager: Person, approvalId: string, decision: "approve" | "reject", comment?: string) {
  const [step] = await sql<{ id: string }>("select id from public.approval_steps where approval_id = $1 and status = 'pending'", [approvalId]);
  const client = await signedIn(manager.staff.email);
  const { error } = await client.rpc("decide_approval", { p_step_id: step.id, p_decision: decision, ...(comment ? { p_comment: comment } : {}) });
  expect(error).toBeNull();
}

const subscriptionsOf = (customerId: string) =>
  sql<{ price: string; deposit_due: string; payment_method: string; contract_deadline: string; discount_request_id: string }>(
    "select price::text, deposit_due::text, payment_method, contract_deadline::text, discount_request_id from public.subscriptions where customer_id = $1",
    [customerId],
  );
const requestStatus = async (id: string) => (await sql<{ status: string }>("select status from public.discount_requests where id = $1", [id]))[0].status;
const projectToday = async () =>
  (await sql<{ d: string }>("select private.project_today('10000000-0000-4000-8000-000000000001')::text as d"))[0].d;

/** A regularised consultant (one in probation may not sign: create_subscription refuses) and a sales manager. */
async function team(t: TestBot) {
  const consultant = await person(t, ["consultant"]);
  await sql("update public.staff set regularised_on = current_date - 30 where id = $1", [consultant.staff.id]);
  return { consultant, manager: await person(t, ["sales_manager"], { name: "认购经理" }) };
}

describe("from an approved discount to 认购 in the bot", () => {
  it("tells where my requests stand, then drafts the 认购 step by step and signs it with create_subscription", { timeout: 120_000 }, async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const { consultant, manager } = await team(t);
    const r = await askTwoPercent(consultant);

    const waiting = consultant.texts(await consultant.say("我的申请审批到哪了"))[0];
    expect(waiting).toContain("📋 我的特殊优惠申请");
    expect(waiting).toContain(`1. ${r.unit.label} · ${r.customer.name} · ¥2,940,000.00（294万）`);
    expect(waiting).toMatch(/⏳ 审批中：第1步\/共1步，等待销售经理审批（\d+月\d+日（周.）\d\d:\d\d 起）/);
    expect(consultant.last().buttons).toEqual([]);

    await decide(manager, r.approval_id, "approve");
    await outbox.drain();
    // The decision's notification carries 起草认购.
    const news = consultant.withButton(`📝 起草认购 ${r.unit.label}`).message;
    expect(news.text).toContain("✅ 您的申请已审批通过");

    const approved = consultant.texts(await consultant.say("申请进度"))[0];
    expect(approved).toContain("✅ 已批准（销售经理 认购经理");
    expect(consultant.last().buttons.map((b) => b.text)).toEqual([`📝 起草认购 ${r.unit.label}`]);

    // Nothing is written while the dialogue asks.
    const started = consultant.texts(await consultant.tap(`📝 起草认购 ${r.unit.label}`));
    expect(started[0]).toBe(`📝 起草认购：${r.unit.label} · ${r.customer.name}，审批价 ¥2,940,000.00（294万）。`);
    expect(started).toContain("付款方式：一次性付款（审批时已定，认购须一致）");
    expect(started.at(-1)).toBe("定金多少？点选，或直接发送金额（如 5万、50000），不超过成交价 ¥2,940,000.00：");
    expect(consultant.last().buttons.map((b) => b.text)).toEqual(["¥20,000.00", "¥50,000.00", "¥100,000.00", "✖️ 取消"]);
    expect(consultant.texts(await consultant.say("三百万"))[0]).toContain("定金金额不正确");
    expect(consultant.texts(await consultant.say("3000000"))[0]).toContain("定金金额不正确");
    await consultant.say("5万");
    expect(consultant.last().text).toBe("签约期限？点选，或发送日期（如 12月20日、2026-12-20）：");
    expect(consultant.last().buttons[0].text).toMatch(/（默认\d+天）$/);
    expect(await subscriptionsOf(r.customer.id)).toEqual([]);

    const card = consultant.texts(await consultant.tap(/（默认\d+天）$/)).at(-1)!;
    expect(card).toContain("🧾 认购书（签署前请核对）");
    expect(card).toContain("表价：¥3,000,000.00");
    expect(card).toContain("特殊优惠（已批准）：−¥60,000.00（2.00%）");
    expect(card).toContain("成交价：¥2,940,000.00（294万）");
    expect(card).toContain("付款方式：一次性付款");
    expect(card).toContain("定金：¥50,000.00");
    expect(consultant.last().buttons.map((b) => b.text)).toEqual(["✅ 确认签认购", "✏️ 修改", "✖️ 取消"]);
    const confirm = consultant.withButton("✅ 确认签认购");

    const done = consultant.texts(await consultant.tap("✅ 确认签认购"));
    expect(done.at(-1)).toMatch(new RegExp(`^🧾 认购已生成：${r.unit.label}（${r.customer.name}），成交价 ¥2,940,000.00（294万），定金 ¥50,000.00`));
    const [sub] = await subscriptionsOf(r.customer.id);
    expect(sub).toMatchObject({ price: "2940000.00", deposit_due: "50000.00", payment_method: "full", discount_request_id: r.id });
    expect(sub.contract_deadline > (await projectToday())).toBe(true);
    expect(await requestStatus(r.id)).toBe("used");

    // A second tap on the confirmed card, and 起草认购 again: clear answers, nothing more written.
    const again = await consultant.tapData(confirm.button.data, confirm.message);
    expect(answerOf(again)).toBe("这个按钮已失效。");
    const reused = await consultant.tap(`📝 起草认购 ${r.unit.label}`);
    expect(answerOf(reused)).toBe("这条优惠审批已经用于认购，不能重复使用。");
    expect(await subscriptionsOf(r.customer.id)).toHaveLength(1);
  });

  it("asks the payment method with buttons when the approval named none; a lapse before 确认 writes nothing", { timeout: 120_000 }, async () => {
    const t = await testBot();
    const { consultant, manager } = await team(t);
    const b = await testBuilding(1);
    const c = await customerOf(consultant.staff.id, testName());
    const client = await signedIn(consultant.staff.email);
    const asked = await client.rpc("request_discount", {
      p_unit_id: b.units[0].id, p_customer_id: c.id, p_policy_ids: [], p_requested_price: "2950000", p_reason: "老客户",
    });
    expect(asked.error).toBeNull();
    const [r] = await sql<{ id: string; approval_id: string }>("select id, approval_id from public.discount_requests where customer_id = $1", [c.id]);
    await decide(manager, r.approval_id, "approve");

    await consultant.say("我的申请");
    await consultant.tap(`📝 起草认购 ${b.units[0].label}`);
    expect(consultant.last().text).toBe("付款方式？");
    expect(consultant.last().buttons.map((x) => x.text)).toEqual(["一次性付款", "按揭", "分期", "公积金贷款", "组合贷款", "✖️ 取消"]);
    await consultant.tap("按揭");
    await consultant.tap("¥20,000.00");
    const today = await projectToday();
    const [y, m, d] = today.split("-").map(Number);
    const later = new Date(Date.UTC(y, m - 1, d + 10)).toISOString().slice(0, 10);
    expect(consultant.texts(await consultant.say("去年"))[0]).toBe("没有看懂日期，或日期早于今天。请发送如 12月20日、2026-12-20：");
    const card = consultant.texts(await consultant.say(later)).at(-1)!;
    expect(card).toContain("付款方式：按揭");
    expect(card).toContain("成交价：¥2,950,000.00（295万）");

    // The approval lapses while the card waits: create_subscription refuses, nothing is written.
    await sql("update public.approvals set lapses_at = now() - interval '1 minute' where id = $1", [r.approval_id]);
    const refused = consultant.texts(await consultant.tap("✅ 确认签认购"));
    expect(refused.at(-1)).toBe("该优惠审批不可用（不是此房源/客户的、未通过、已过期或已使用）");
    expect(await subscriptionsOf(c.id)).toEqual([]);
    expect(await requestStatus(r.id)).toBe("approved");

    // Asked again, the lapsed approval is refused before any question.
    const lapsed = await consultant.tap(`📝 起草认购 ${b.units[0].label}`);
    expect(answerOf(lapsed)).toMatch(/^这条优惠审批已于 .+ 过期，不能再用于认购，请重新申请。$/);
  });

  it("refuses forged buttons and someone else's request", async () => {
    const t = await testBot();
    const { consultant, manager } = await team(t);
    const other = await person(t, ["consultant"]);
    const r = await askTwoPercent(consultant);
    await decide(manager, r.approval_id, "approve");
    await consultant.say("我的申请");
    const { button } = consultant.withButton(`📝 起草认购 ${r.unit.label}`);

    expect(answerOf(await other.tapData(button.data))).toBe("找不到这条优惠申请（按钮无效，或不是您的申请）。");
    expect(answerOf(await consultant.tapData("rq:AAAAAAAAAAAAAAAAAAAAAA:s"))).toBe("找不到这条优惠申请（按钮无效，或不是您的申请）。");
    expect(answerOf(await consultant.tapData("rq:not-an-id:s"))).toBe("这个按钮无效，未做任何更改。");
    expect(await subscriptionsOf(r.customer.id)).toEqual([]);
    expect(await requestStatus(r.id)).toBe("approved");
  });

  it("offers 重新申请 on a rejection, prefilled, and submits only with a new reason", { timeout: 120_000 }, async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const { consultant, manager } = await team(t);
    const r = await askTwoPercent(consultant);
    await decide(manager, r.approval_id, "reject", "价格还有空间");
    await outbox.drain();

    const status = consultant.texts(await consultant.say("我的申请审批到哪了"))[0];
    expect(status).toContain("❌ 已驳回（销售经理 认购经理）：价格还有空间");
    const reapply = consultant.texts(await consultant.tap(`🔁 重新申请 ${r.unit.label}`));
    expect(reapply[0]).toContain("上次驳回意见：销售经理 认购经理：价格还有空间");
    const card = reapply.at(-1)!;
    expect(card).toContain(`客户：${r.customer.name}`);
    expect(card).toContain("申请价格：¥2,940,000.00（294万）");
    expect(card).toContain("付款方式：一次性付款");
    expect(card).toContain("理由：（未填写，提交前必填）");
    expect(consultant.last().buttons.map((x) => x.text)).not.toContain("📨 提交申请");
    await consultant.tap("✍️ 填写理由");
    await consultant.say("客户已筹齐全款");
    await consultant.tap("📨 提交申请");
    const all = await sql<{ status: string; reason: string }>("select status, reason from public.discount_requests where customer_id = $1 order by created_at", [r.customer.id]);
    expect(all).toEqual([{ status: "rejected", reason: "客户当天能签" }, { status: "pending", reason: "客户已筹齐全款" }]);

  });

  it("a 公积金贷款 buyer's discount: named in the message, kept through the request, the rejection and 重新申请", { timeout: 120_000 }, async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const { consultant, manager } = await team(t);
    const b = await testBuilding(1);
    const c = await customerOf(consultant.staff.id, testName());
    // Named in the message, the method is chosen already; the buttons offer every other one.
    await consultant.say(`${b.units[0].label} ${c.name} 申请98折 公积金贷款`);
    expect(consultant.last().text).toContain("付款方式：公积金贷款");
    expect(consultant.last().buttons.map((x) => x.text)).toEqual(expect.arrayContaining(["◉ 公积金贷款", "○ 组合贷款", "○ 一次性付款"]));
    await consultant.tap("○ 组合贷款");
    expect(consultant.last().text).toContain("付款方式：组合贷款");
    await consultant.tap("○ 公积金贷款");
    expect(consultant.last().text).toContain("付款方式：公积金贷款");
    await consultant.tap("📨 提交申请");
    const [r] = await sql<{ approval_id: string; payment_method: string }>(
      "select approval_id, payment_method from public.discount_requests where customer_id = $1", [c.id]);
    expect(r.payment_method).toBe("provident_fund");

    await decide(manager, r.approval_id, "reject", "先核实公积金额度");
    await outbox.drain();
    await consultant.say("我的申请");
    const card = consultant.texts(await consultant.tap(`🔁 重新申请 ${b.units[0].label}`)).at(-1)!;
    expect(card).toContain("付款方式：公积金贷款");
    await consultant.tap("✍️ 填写理由");
    await consultant.say("额度已核实");
    await consultant.tap("📨 提交申请");
    const all = await sql<{ status: string; payment_method: string }>(
      "select status, payment_method from public.discount_requests where customer_id = $1 order by created_at", [c.id]);
    expect(all).toEqual([{ status: "rejected", payment_method: "provident_fund" }, { status: "pending", payment_method: "provident_fund" }]);
  });

  it("the admin signs first with the same approval: the bot's 确认 is refused and nothing more is written; a deactivated consultant gets nothing", { timeout: 120_000 }, async () => {
    const t = await testBot();
    const { consultant, manager } = await team(t);
    const r = await askTwoPercent(consultant);
    await decide(manager, r.approval_id, "approve");
    await consultant.say("我的申请");
    await consultant.tap(`📝 起草认购 ${r.unit.label}`);
    await consultant.tap("¥20,000.00");
    await consultant.tap(/（默认\d+天）$/);
    expect(consultant.last().buttons.map((b) => b.text)).toContain("✅ 确认签认购");

    // Meanwhile the same consultant signs it in the admin (the same RPC).
    const web = await signedIn(consultant.staff.email);
    const signed = await web.rpc("create_subscription", {
      p_unit_id: r.unit.id, p_customer_id: r.customer.id, p_payment_method: "full", p_discount_request_id: r.id, p_deposit_due: "30000",
    });
    expect(signed.error).toBeNull();
    const refused = consultant.texts(await consultant.tap("✅ 确认签认购"));
    expect(refused.at(-1)).toMatch(/^(该优惠审批不可用|该房源)/);
    expect(await subscriptionsOf(r.customer.id)).toMatchObject([{ deposit_due: "30000.00" }]);

    // Deactivated: the next tap is answered as for anyone deactivated, and starts nothing.
    const second = await askTwoPercent(consultant);
    await decide(manager, second.approval_id, "approve");
    await consultant.say("我的申请");
    await sql("update public.staff set active = false where id = $1", [consultant.staff.id]);
    const tapped = await consultant.tap(`📝 起草认购 ${second.unit.label}`);
    expect(consultant.texts(tapped).join("\n") + (answerOf(tapped) ?? "")).toContain("已停用");
    expect(await subscriptionsOf(second.customer.id)).toEqual([]);
  });
});
