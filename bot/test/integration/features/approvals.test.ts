import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../../supabase/tests/support/clients.ts";
import { shortId } from "../../../src/keyboards/short-id.ts";
import { testBot, type TestBot } from "../support/bot.ts";
import { answerOf, delivery, person, type Person } from "../support/chat.ts";
import { customerOf, testBuilding, testName } from "../support/sales.ts";

/** A consultant's 6% discount (manager → director → VP) submitted through the bot; returns its ids. */
async function submitSixPercent(consultant: Person) {
  const b = await testBuilding(1);
  const c = await customerOf(consultant.staff.id, testName());
  await consultant.say(`${b.units[0].label} ${c.name} 申请94折 客户全款`);
  await consultant.tap("📨 提交申请");
  const [r] = await sql<{ id: string; approval_id: string }>("select id, approval_id from public.discount_requests where customer_id = $1", [c.id]);
  return { ...r, label: b.units[0].label, customer: c.name };
}

const stepsOf = (approvalId: string) =>
  sql<{ role: string; status: string; decided_by: string | null; comment: string | null }>(
    "select role::text, status, decided_by, comment from public.approval_steps where approval_id = $1 order by seq",
    [approvalId],
  );
const approvalStatus = async (approvalId: string) =>
  (await sql<{ status: string }>("select status from public.approvals where id = $1", [approvalId]))[0].status;

/** The approval card a person holds for this request. */
const cardOf = (p: Person, label: string) => p.messages().filter((m) => m.text.includes("审批 · 第") && m.text.includes(label)).at(-1)!;

async function team(t: TestBot) {
  return {
    consultant: await person(t, ["consultant"]),
    manager: await person(t, ["sales_manager"], { name: "审批经理" }),
    director: await person(t, ["marketing_director"], { name: "审批部长" }),
    vp: await person(t, ["vp"], { name: "审批副总" }),
  };
}

describe("approving by taps", () => {
  it("runs the whole chain from three approvers, redrawing every card and telling the requester each step", async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const { consultant, manager, director, vp } = await team(t);
    const r = await submitSixPercent(consultant);

    await outbox.drain();
    const card = cardOf(manager, r.label);
    expect(card.text).toContain("🔔 特殊优惠审批 · 第1步/共3步（销售经理）");
    expect(card.text).toContain(`客户：${r.customer}`);
    expect(card.text).toContain("表价：¥3,000,000.00");
    expect(card.text).toContain("优惠政策：无");
    expect(card.text).toContain("申请价格：¥2,820,000.00（282万）");
    expect(card.text).toContain("特殊优惠：¥180,000.00（6.00%）");
    expect(card.text).toContain("理由：客户全款");
    expect(card.buttons.map((b) => b.text)).toEqual(["✅ 同意", "❌ 驳回"]);
    expect(cardOf(director, r.label)).toBeUndefined();

    expect(answerOf(await manager.tap("✅ 同意"))).toBe("已同意。");
    expect(cardOf(manager, r.label).text).toContain("✅ 销售经理 审批经理 同意");
    expect(cardOf(manager, r.label).buttons).toEqual([]);

    await outbox.drain();
    expect(consultant.messages().at(-1)!.text).toBe(
      `👍 您的申请（特殊优惠 · ${r.label} · ${r.customer} · 282万）：销售经理 审批经理 已同意，下一步等待 营销部长 审批。`,
    );
    expect(cardOf(director, r.label).text).toContain("第2步/共3步（营销部长）");
    expect(answerOf(await director.tap("✅ 同意"))).toBe("已同意。");
    await outbox.drain();
    expect(answerOf(await vp.tap("✅ 同意"))).toBe("已同意。");
    await outbox.drain();

    expect(await approvalStatus(r.approval_id)).toBe("approved");
    expect((await sql("select status from public.discount_requests where id = $1", [r.id]))[0].status).toBe("approved");
    expect((await stepsOf(r.approval_id)).map((s) => [s.role, s.status, s.decided_by])).toEqual([
      ["sales_manager", "approved", manager.staff.id],
      ["marketing_director", "approved", director.staff.id],
      ["vp", "approved", vp.staff.id],
    ]);
    for (const p of [manager, director, vp]) {
      expect(cardOf(p, r.label).text).toContain("结果：✅ 审批通过");
      expect(cardOf(p, r.label).buttons).toEqual([]);
    }
    expect(consultant.messages().at(-1)!.text).toBe(`✅ 您的申请已审批通过：特殊优惠 · ${r.label} · ${r.customer} · 282万。（主管副总 审批副总 同意）`);
    // The decisions were made from the bot, each by its own person.
    const audit = await sql<{ actor: string; surface: string }>(
      "select actor, surface from public.audit_log where action = 'approval.decide' and (after ->> 'approval_id') = $1 order by id",
      [r.approval_id],
    );
    expect(audit).toEqual([manager, director, vp].map((p) => ({ actor: p.staff.id, surface: "bot" })));
  });

  it("answers a double tap, a tap by someone who is not the approver and forged buttons clearly, changing nothing", async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const { consultant, manager, director } = await team(t);
    const r = await submitSixPercent(consultant);
    await outbox.drain();
    const { button } = manager.withButton("✅ 同意");

    // The director taps the manager's step (say, a forwarded card): not theirs.
    expect(answerOf(await director.tapData(button.data))).toBe("您不是这一步的审批人");
    expect(answerOf(await consultant.tapData(button.data))).toBe("不能审批自己提交的申请");
    expect((await stepsOf(r.approval_id))[0].status).toBe("pending");

    await manager.tap("✅ 同意");
    const before = await stepsOf(r.approval_id);
    expect(answerOf(await manager.tapData(button.data, cardOf(manager, r.label)))).toBe("这一步已经审批过了");
    expect(await stepsOf(r.approval_id)).toEqual(before);

    expect(answerOf(await manager.tapData("ap:not-a-request:x:a"))).toBe("这个按钮无效，未做任何更改。");
    expect(answerOf(await manager.tapData(button.data.replace(/:a$/, ":x")))).toBe("这个按钮无效，未做任何更改。");
    const unknownStep = `ap:${shortId(r.approval_id)}:${shortId(crypto.randomUUID())}:a`;
    expect(answerOf(await manager.tapData(unknownStep))).toBe("审批步骤不存在");
    expect(await stepsOf(r.approval_id)).toEqual(before);
    expect(await approvalStatus(r.approval_id)).toBe("pending");
  });

  it("refuses a stale card after the request lapsed, and shows it lapsed", async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const { consultant, manager } = await team(t);
    const r = await submitSixPercent(consultant);
    await outbox.drain();
    await sql("update public.approvals set lapses_at = now() - interval '1 minute' where id = $1", [r.approval_id]);
    const reject = manager.withButton("❌ 驳回").button.data;

    expect(answerOf(await manager.tap("✅ 同意"))).toBe("该申请已超过有效期，请重新申请");
    expect((await stepsOf(r.approval_id))[0]).toMatchObject({ status: "pending", decided_by: null });
    expect(cardOf(manager, r.label).text).toContain("结果：⌛ 已超过有效期，未完成审批");
    expect(cardOf(manager, r.label).buttons).toEqual([]);

    // 驳回 on the stale card is refused before any reason is asked for.
    const rejected = await manager.tapData(reject);
    expect(answerOf(rejected)).toBe("该申请已超过有效期，请重新申请");
    expect(manager.texts(rejected)).not.toContain("请发送驳回理由（申请人会看到）：");
    expect((await stepsOf(r.approval_id))[0].status).toBe("pending");
  });

  it("asks the reason before rejecting, then ends the chain and tells the requester", async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const { consultant, manager } = await team(t);
    const r = await submitSixPercent(consultant);
    await outbox.drain();
    const reject = manager.withButton("❌ 驳回").button.data;

    const asked = await manager.tap("❌ 驳回");
    expect(manager.texts(asked)).toEqual(["请发送驳回理由（申请人会看到）："]);
    expect((await stepsOf(r.approval_id))[0].status).toBe("pending");

    expect(manager.texts(await manager.say("低于本月底价，不予特批"))).toContain("已驳回，申请人会收到通知。");
    expect(await approvalStatus(r.approval_id)).toBe("rejected");
    expect((await stepsOf(r.approval_id)).map((s) => [s.status, s.comment])).toEqual([
      ["rejected", "低于本月底价，不予特批"], ["skipped", null], ["skipped", null],
    ]);
    expect(cardOf(manager, r.label).text).toContain("❌ 销售经理 审批经理 驳回：低于本月底价，不予特批");

    await outbox.drain();
    expect(consultant.messages().at(-1)!.text).toBe(
      `❌ 您的申请被驳回：特殊优惠 · ${r.label} · ${r.customer} · 282万。销售经理 审批经理 驳回，理由：低于本月底价，不予特批`,
    );
    // 驳回 on a decided step is answered at once, without asking for a reason.
    expect(answerOf(await manager.tapData(reject))).toBe("这一步已经审批过了");
  });

  it("redraws the cards when the step is decided in the admin, or the request lapses with nobody tapping", async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const { consultant, manager } = await team(t);
    const decided = await submitSixPercent(consultant);
    const lapsing = await submitSixPercent(consultant);
    await outbox.drain();
    expect(cardOf(manager, decided.label).buttons).toHaveLength(2);

    const admin = await signedIn(manager.staff.email);
    const [step] = await sql<{ id: string }>("select id from public.approval_steps where approval_id = $1 and seq = 1", [decided.approval_id]);
    expect((await admin.rpc("decide_approval", { p_step_id: step.id, p_decision: "approve" })).error).toBeNull();
    await sql("update public.approvals set lapses_at = now() - interval '1 minute' where id = $1", [lapsing.approval_id]);

    await outbox.drain();
    expect(cardOf(manager, decided.label).text).toContain("✅ 销售经理 审批经理 同意");
    expect(cardOf(manager, decided.label).buttons).toEqual([]);
    expect(cardOf(manager, lapsing.label).text).toContain("结果：⌛ 已超过有效期，未完成审批");
    expect(cardOf(manager, lapsing.label).buttons).toEqual([]);
  });
});

describe("escalated steps (越级)", () => {
  it("shows on the card why the only 销售经理's own request went up to the 营销部长, who decides it", async () => {
    const t = await testBot();
    const outbox = delivery(t).outbox;
    const manager = await person(t, ["sales_manager"], { name: "独任经理" });
    const director = await person(t, ["marketing_director"], { name: "越级部长" });
    // A project where this manager is the only 销售经理 (as in a small office).
    const project = crypto.randomUUID();
    const code = `T-ESC-${project.slice(0, 6)}`;
    await sql("insert into public.projects (id, code, name, city) values ($1, $2, $3, '杭州')", [project, code, `越级${code}`]);
    await sql(
      `insert into public.staff_projects (staff_id, project_id, role) values ($1, $3, 'sales_manager'), ($2, $3, 'marketing_director')`,
      [manager.staff.id, director.staff.id, project],
    );
    const [b] = await sql<{ id: string }>("insert into public.buildings (project_id, code, name, floors) values ($1, '7', '7栋', 30) returning id", [project]);
    const [u] = await sql<{ id: string }>(
      `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, unit_price, list_price)
       values ($1, $2, 12, '1201', 3, 2, 2, 100, 30000, 3000000) returning id`, [project, b.id]);
    const [c] = await sql<{ id: string }>(
      `insert into public.customers (project_id, name, phone, owner_id, created_by, status)
       values ($1, '越级客户', '13911112222', $2, $2, 'following') returning id`, [project, manager.staff.id]);

    const asManager = await signedIn(manager.staff.email);
    const r = await asManager.rpc("request_discount", {
      p_unit_id: u.id, p_customer_id: c.id, p_policy_ids: [], p_requested_price: "2970000", p_reason: "老客户转介绍",
    });
    expect(r.error).toBeNull();
    await outbox.drain();

    const card = cardOf(director, "7-1201");
    expect(card.text).toContain("🔔 特殊优惠审批 · 第1步/共1步（营销部长）");
    expect(card.text).toContain("⤴️ 越级审批：可审批的销售经理只有申请人本人，上报营销部长审批");
    expect(card.text).toContain("⏳ 营销部长 待审批（由销售经理上报）");
    expect(card.buttons.map((x) => x.text)).toEqual(["✅ 同意", "❌ 驳回"]);
    expect(cardOf(manager, "7-1201")).toBeUndefined();

    expect(answerOf(await director.tap("✅ 同意"))).toBe("已同意。");
    expect(await approvalStatus((r.data as { approval_id: string }).approval_id)).toBe("approved");
  });
});
