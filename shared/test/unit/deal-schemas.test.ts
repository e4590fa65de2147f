import { describe, expect, it } from "vitest";
import { decideApprovalInput, requestDiscountInput, setApprovalMatrixInput } from "../../src/schemas/approvals.ts";
import { createContractInput, createSubscriptionInput, planMatchesPrice } from "../../src/schemas/deals.ts";
import { recordPaymentInput } from "../../src/schemas/payments.ts";

const U = "00000000-0000-4000-8000-000000000001";

describe("deal input schemas", () => {
  it("take money as typed and keep it an exact string", () => {
    const r = requestDiscountInput.parse({ p_unit_id: U, p_customer_id: U, p_requested_price: "¥2,750,000.5", p_reason: " 老客户 " });
    expect(r).toMatchObject({ p_requested_price: "2750000.5", p_reason: "老客户", p_policy_ids: [] });
    const bad = requestDiscountInput.safeParse({ p_unit_id: U, p_customer_id: U, p_requested_price: "1.234", p_reason: "x" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toContain("两位小数");
    expect(requestDiscountInput.safeParse({ p_unit_id: U, p_customer_id: U, p_requested_price: "0", p_reason: "x" }).success).toBe(false);
  });

  it("need a comment to reject", () => {
    expect(decideApprovalInput.safeParse({ p_step_id: U, p_decision: "approve" }).success).toBe(true);
    const r = decideApprovalInput.safeParse({ p_step_id: U, p_decision: "reject", p_comment: "  " });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe("驳回时请填写原因");
  });

  it("check the matrix order before it is sent", () => {
    const ok = setApprovalMatrixInput.safeParse({ p_project_id: U, p_rules: [
      { max_depth_pct: 2, chain: ["sales_manager"] }, { max_depth_pct: null, chain: ["sales_manager", "gm"] }] });
    expect(ok.success).toBe(true);
    const bad = setApprovalMatrixInput.safeParse({ p_project_id: U, p_rules: [
      { max_depth_pct: 5, chain: ["sales_manager"] }, { max_depth_pct: 2, chain: ["sales_manager"] }] });
    expect(bad.error!.issues[0].message).toBe("幅度必须从小到大递增");
  });

  it("accept a zero deposit, a plan adding up to the price, a refund amount", () => {
    const s = createSubscriptionInput.parse({ p_unit_id: U, p_customer_id: U, p_payment_method: "mortgage", p_deposit_due: 0 });
    expect(s).toMatchObject({ p_deposit_due: "0", p_sincerity_applied: "0", p_policy_ids: [] });
    const c = createContractInput.parse({ p_subscription_id: U, p_contract_no: "HT-1", p_plan: [
      { seq: 1, due_date: "2026-12-01", amount: "50000", kind: "deposit" },
      { seq: 2, due_date: "2027-01-01", amount: "2806000.00", kind: "down_payment" }] });
    expect(planMatchesPrice(c.p_plan, "2856000")).toBe(true);
    expect(planMatchesPrice(c.p_plan, "2856000.01")).toBe(false);
    expect(createContractInput.safeParse({ ...c, p_plan: [c.p_plan[0], { ...c.p_plan[1], seq: 1 }] }).success).toBe(false);
    expect(recordPaymentInput.safeParse({ p_project_id: U, p_customer_id: U, p_kind: "refund", p_amount: "100", p_method: "transfer", p_receipt_no: "TK-1" }).success).toBe(true);
  });
});
