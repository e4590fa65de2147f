import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";
import { customerOf, PROJECT, testBuilding, testName } from "../support/sales.ts";

const requestsFor = (customerId: string) =>
  sql<{ requested_price: string; depth_pct: string; status: string; reason: string; policy_ids: string[]; payment_method: string | null }>(
    "select requested_price::text, depth_pct::text, status, reason, policy_ids, payment_method from public.discount_requests where customer_id = $1",
    [customerId],
  );

const DEFAULT_MATRIX = [
  { max_depth_pct: 2, chain: ["sales_manager"] },
  { max_depth_pct: 5, chain: ["sales_manager", "marketing_director"] },
  { max_depth_pct: 8, chain: ["sales_manager", "marketing_director", "vp"] },
  { max_depth_pct: null, chain: ["sales_manager", "marketing_director", "vp", "gm"] },
];

describe("asking for a special discount", () => {
  it("shows the build-up and the chain, takes the reason, and submits only on 提交", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const b = await testBuilding(1);
    const c = await customerOf(me.staff.id, testName());

    const card = me.texts(await me.say(`${b.units[0].label} ${c.name} 申请94折`))[0];
    expect(card).toContain("表价：¥3,000,000.00");
    expect(card).toContain("申请价格：¥2,820,000.00（282万）");
    expect(card).toContain("特殊优惠：¥180,000.00（幅度 6.00%）");
    expect(card).toContain("审批链：销售经理 → 营销部长 → 主管副总");
    expect(card).toContain("理由：（未填写，提交前必填）");
    expect(me.last().buttons.map((x) => x.text)).not.toContain("📨 提交申请");

    // Ticking a policy redraws the build-up from the database.
    await me.tap("☐ 一次性付款98折");
    expect(me.last().text).toContain("  · 一次性付款98折 → ¥2,940,000.00");
    expect(me.last().text).toContain("特殊优惠：¥120,000.00（幅度 4.08%）");
    expect(me.last().text).toContain("审批链：销售经理 → 营销部长");
    await me.tap("☑ 一次性付款98折");
    expect(me.last().text).toContain("审批链：销售经理 → 营销部长 → 主管副总");

    // The payment method decides which policies fit: on a mortgage 一次性付款98折 cannot be ticked.
    expect(me.last().text).toContain("付款方式：一次性付款");
    expect(me.last().text).toContain("🚫 「老带新99折」仅适用于来源为老带新的客户");
    await me.tap("○ 按揭");
    expect(me.last().text).toContain("付款方式：按揭");
    expect(me.last().text).toContain("🚫 「一次性付款98折」仅适用于一次性付款，本单付款方式为按揭");
    await me.tap("🚫 一次性付款98折");
    expect(me.last().text).not.toContain("  · 一次性付款98折");
    await me.tap("○ 一次性付款");

    await me.tap("✍️ 填写理由");
    const withReason = me.texts(await me.say("客户全款，当天可签"));
    expect(withReason.at(-1)).toContain("理由：客户全款，当天可签");
    expect(await requestsFor(c.id)).toEqual([]);

    const done = me.texts(await me.tap("📨 提交申请"));
    expect(done.at(-1)).toBe(`📨 已提交 ${b.units[0].label}（${c.name}）的特殊优惠申请，审批链：销售经理 → 营销部长 → 主管副总。每一步的审批结果都会通知您。`);
    expect(await requestsFor(c.id)).toEqual([
      { requested_price: "2820000.00", depth_pct: "6.00", status: "pending", reason: "客户全款，当天可签", policy_ids: [], payment_method: "full" },
    ]);
  });

  it("says when the unit does not exist, and writes nothing", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const c = await customerOf(me.staff.id, testName());
    expect(me.texts(await me.say(`98-9999 ${c.name} 申请97折`))).toEqual(["没有找到房源「98-9999」。请发送楼栋-房号，例如 3-1203："]);
    expect(me.texts(await me.say("/cancel"))).toEqual(["已取消，没有保存任何内容。"]);
    expect(await requestsFor(c.id)).toEqual([]);
  });

  it("shows the database's refusal for a price above the list, and a depth beyond every chain cannot be submitted", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const b = await testBuilding(1);
    const c = await customerOf(me.staff.id, testName());

    const above = me.texts(await me.say(`${b.units[0].label} ${c.name} 降到310万 客户坚持`))[0];
    expect(above).toContain("⚠️ 申请价格高于优惠后价格，无需特殊优惠");
    expect(me.last().buttons.map((x) => x.text)).not.toContain("📨 提交申请");
    await me.say("/cancel");

    const admin = await signedIn("admin");
    const capped = await admin.rpc("set_approval_matrix", { p_project_id: PROJECT, p_rules: [{ max_depth_pct: 5, chain: ["sales_manager"] }] });
    expect(capped.error).toBeNull();
    try {
      const beyond = me.texts(await me.say(`${b.units[0].label} ${c.name} 申请9折 老客户`))[0];
      expect(beyond).toContain("⛔ 优惠幅度 10.00% 超出审批权限范围，无法提交，请调整申请价格。");
      expect(me.last().buttons.map((x) => x.text)).not.toContain("📨 提交申请");
      await me.say("/cancel");
    } finally {
      const restored = await admin.rpc("set_approval_matrix", { p_project_id: PROJECT, p_rules: DEFAULT_MATRIX });
      expect(restored.error).toBeNull();
    }
    expect(await requestsFor(c.id)).toEqual([]);
  });
});
