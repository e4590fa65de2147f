import { priceAfterPolicies, type PolicyLike } from "@so/shared/money";
import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";
import { channelCustomerId } from "./channel.ts";
import { seedCustomers } from "./customers.ts";
import { SEED_UNITS_IN_USE, seedUnits, type SeedUnit } from "./inventory.ts";
import { createRandom, demoId, sqlText } from "./random.ts";

/**
 * Deals of 云栖雅苑 over the last ~60 days, made the way people made them: every step is a call of
 * the real database function as the person who did it (consultant, approvers, finance, channel
 * manager), so units, customers, approvals, audit and money stay consistent by construction.
 * After each step the rows it wrote are moved back to when it happened (pg_temp.backdate), so the
 * demo always shows recent activity:
 *   ~25 subscriptions — signed contracts with payment plans and payments (one reversal, overdue
 *   items), contracts waiting at each approval level, active subscriptions (one past its contract
 *   deadline), a cancellation with the refund still due, a refunded one, a 换房 with its money
 *   carried over, a 退房 and a 换房 waiting for approval;
 *   special-discount requests waiting at every level, approved, used, rejected with a comment,
 *   lapsed, withdrawn; a delegation (the GM is away, the VP decides for him);
 *   commissions for the deals brought by brokers (computed, approved, paid).
 * Row ids come from the functions (gen_random_uuid); look rows up by contract_no, receipt_no,
 * unit or customer. Depends on the accounts, inventory, customers and channel seeds.
 */

const P = DEMO_PROJECT_ID;
const C1 = demoUserId("consultant1@demo.local");
const C2 = demoUserId("consultant2@demo.local");
const MANAGER = demoUserId("manager@demo.local");
const DIRECTOR = demoUserId("director@demo.local");
const VP = demoUserId("vp@demo.local");
const GM = demoUserId("gm@demo.local");
const FINANCE = demoUserId("finance@demo.local");
const CHANNEL = demoUserId("channel@demo.local");

export const POLICY_IDS = {
  full: demoId("bb010000", 1),
  mortgage: demoId("bb010000", 2),
  referral: demoId("bb010000", 3),
  promo: demoId("bb010000", 4),
};
type PolicyKey = keyof typeof POLICY_IDS;
/** Conditions (policies.payment_methods / customer_sources): null = any. */
type PolicyConditions = { paymentMethods: string[] | null; customerSources: string[] | null };
const POLICIES: Record<PolicyKey, PolicyLike & PolicyConditions & { active: boolean; note: string }> = {
  full: { id: POLICY_IDS.full, name: "一次性付款98折", kind: "factor", value: "0.98", stackable: false, sort: 1, active: true, note: "全款客户，签约时付清房款", paymentMethods: ["full"], customerSources: null },
  mortgage: { id: POLICY_IDS.mortgage, name: "按揭99折", kind: "factor", value: "0.99", stackable: false, sort: 2, active: true, note: "商业贷款或公积金组合贷", paymentMethods: ["mortgage"], customerSources: null },
  referral: { id: POLICY_IDS.referral, name: "老带新99折", kind: "factor", value: "0.99", stackable: true, sort: 3, active: true, note: "老业主推荐的新客户，可与付款方式优惠叠加", paymentMethods: null, customerSources: ["referral"] },
  promo: { id: POLICY_IDS.promo, name: "国庆限时立减2万", kind: "amount", value: "20000", stackable: true, sort: 4, active: false, note: "国庆活动，已结束", paymentMethods: null, customerSources: null },
};
const sqlArray = (xs: string[] | null, type: string) => (xs ? `array[${xs.map((x) => `'${x}'`).join(", ")}]::${type}[]` : "null");
/** The payment method a discount request with these policies is asked for. */
const methodOf = (policies: PolicyKey[]) => (policies.includes("mortgage") ? "mortgage" : policies.includes("full") ? "full" : "instalment");

// ---------------------------------------------------------------------------------------------
// Exact money in cents (no floats past this point)
// ---------------------------------------------------------------------------------------------
const cents = (yuan: string) => {
  const [i, f = ""] = yuan.split(".");
  return Number(i) * 100 + Number((f + "00").slice(0, 2));
};
const yuan = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, "0")}`;

const policyPrice = (unit: SeedUnit, policies: PolicyKey[]) =>
  priceAfterPolicies(unit.listPrice.toFixed(2), policies.map((k) => POLICIES[k])).price;

/** A negotiated price about `depth`% below the policy price, rounded down to the thousand. */
const negotiated = (unit: SeedUnit, policies: PolicyKey[], depth: number) => {
  const after = cents(policyPrice(unit, policies));
  return yuan(Math.floor((after * (100 - depth)) / 100 / 100_000) * 100_000);
};

// ---------------------------------------------------------------------------------------------
// The script: SQL lines calling the functions as people, and moving time back after each step
// ---------------------------------------------------------------------------------------------
type When = { days: number; hour?: number; minute?: number } | { hours: number };
const at = (w: When) =>
  "hours" in w ? `pg_temp.hours_ago(${w.hours})` : `pg_temp.day_at(${w.days}, ${w.hour ?? 10}, ${w.minute ?? 0})`;
const day = (days: number) => `pg_temp.day(${days})`;
const ref = (key: string, field = "id") => `(pg_temp.ref(${sqlText(key)}) ->> ${sqlText(field)})::uuid`;
const uuids = (ids: string[]) => (ids.length ? `array[${ids.map(sqlText).join(", ")}]::uuid[]` : `'{}'::uuid[]`);
const money = (v: string) => `${sqlText(v)}::numeric`;

class Script {
  lines: string[] = [];
  private receipt = 0;

  comment(text: string) {
    this.lines.push(`\n-- ${text}`);
  }
  /** Call public.<fn> as `who`, keep its result under `key`, then date the step. */
  call(who: string, key: string | null, fn: string, args: Record<string, string>, when: When, surface = "admin") {
    const list = Object.entries(args).map(([k, v]) => `${k} => ${v}`).join(", ");
    const call = `public.${fn}(${list})`;
    this.lines.push(`select pg_temp.act(${sqlText(who)}, ${sqlText(surface)});`);
    this.lines.push(key ? `select pg_temp.keep(${sqlText(key)}, ${call});` : `select ${call};`);
    this.lines.push(`select pg_temp.backdate(${at(when)});`);
  }
  /** The current step of the approval kept under `key` decided by its role's demo approver. */
  decide(key: string, who: string, decision: "approve" | "reject", when: When, comment: string | null = null) {
    this.lines.push(`select pg_temp.act(${sqlText(who)}, 'bot');`);
    this.lines.push(`select public.decide_approval(p_step_id => pg_temp.current_step(${sqlText(key)}), p_decision => ${sqlText(decision)}, p_comment => ${sqlText(comment)});`);
    this.lines.push(`select pg_temp.backdate(${at(when)});`);
  }
  nextReceipt() {
    this.receipt += 1;
    return `SJ${String(this.receipt).padStart(6, "0")}`;
  }
}

const hoursLater = (w: When, hours: number): When =>
  "hours" in w ? { hours: Math.max(w.hours - hours, 0.05) } : { days: w.days, hour: (w.hour ?? 10) + hours, minute: w.minute };

/** Approve the whole chain: manager, director (+ vp, gm), a few hours apart. */
const CHAIN_BY_LEVEL = [MANAGER, DIRECTOR, VP, GM];
function approveChain(s: Script, key: string, levels: number, from: When) {
  for (let i = 0; i < levels; i++) s.decide(key, CHAIN_BY_LEVEL[i], "approve", hoursLater(from, i + 1), i === 0 ? "同意" : null);
}

interface Deal {
  key: string;
  consultant: string;
  customer: string;
  unit: SeedUnit;
  method: "full" | "mortgage" | "instalment";
  policies: PolicyKey[];
  deposit: string;
  price: string;
}

/** Plan items (seq, days-ago of the due date, amount, kind) adding up to the price exactly. */
function planFor(d: Deal, contractDay: number): { seq: number; dueDaysAgo: number; amount: string; kind: string }[] {
  const total = cents(d.price);
  const deposit = cents(d.deposit);
  if (d.method === "full") {
    return [
      { seq: 1, dueDaysAgo: contractDay + 3, amount: d.deposit, kind: "deposit" },
      { seq: 2, dueDaysAgo: contractDay - 7, amount: yuan(total - deposit), kind: "down_payment" },
    ];
  }
  if (d.method === "mortgage") {
    const down = Math.round((total * 0.3) / 100) * 100 - deposit;
    return [
      { seq: 1, dueDaysAgo: contractDay + 3, amount: d.deposit, kind: "deposit" },
      { seq: 2, dueDaysAgo: contractDay - 7, amount: yuan(down), kind: "down_payment" },
      { seq: 3, dueDaysAgo: contractDay - 40, amount: yuan(total - deposit - down), kind: "mortgage" },
    ];
  }
  const down = Math.round((total * 0.2) / 100) * 100 - deposit;
  const second = Math.round((total * 0.4) / 100) * 100;
  return [
    { seq: 1, dueDaysAgo: contractDay + 3, amount: d.deposit, kind: "deposit" },
    { seq: 2, dueDaysAgo: contractDay - 7, amount: yuan(down), kind: "down_payment" },
    { seq: 3, dueDaysAgo: contractDay - 35, amount: yuan(second), kind: "installment" },
    { seq: 4, dueDaysAgo: contractDay - 180, amount: yuan(total - deposit - down - second), kind: "installment" },
  ];
}

export function dealsSql(): string {
  const random = createRandom(60_606);
  const shuffle = <T>(items: T[]) => {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const inUse = new Set(SEED_UNITS_IN_USE);
  const units = shuffle(seedUnits().filter((u) => !inUse.has(`${u.buildingCode}-${u.number}`) && u.floor > 2));
  const nextUnit = () => units.shift()!;
  const customers = seedCustomers();
  const pool = (owner: string) =>
    shuffle(customers.filter((c) => c.owner === owner && !c.inPool && (c.status === "following" || c.status === "new") && c.n > 2));
  const mine = { [C1]: pool(C1), [C2]: pool(C2) };
  /** The owner's next customer; a 老带新 deal takes the next one who came by referral. */
  const nextCustomer = (owner: string, referral = false) => {
    const i = referral ? mine[owner].findIndex((c) => c.source === "referral") : 0;
    if (i < 0) throw new Error(`no referral customer left for ${owner}`);
    return mine[owner].splice(i, 1)[0].id;
  };

  const s = new Script();
  const deal = (key: string, consultant: string, method: Deal["method"], policies: PolicyKey[], customer?: string): Deal => {
    const unit = nextUnit();
    return {
      key, consultant, customer: customer ?? nextCustomer(consultant, policies.includes("referral")), unit, method, policies,
      deposit: method === "full" ? "100000.00" : "50000.00", price: policyPrice(unit, policies),
    };
  };

  const subscribe = (d: Deal, when: When, opts: { discountKey?: string; sincerity?: string } = {}) => {
    s.call(d.consultant, `${d.key}.sub`, "create_subscription", {
      p_unit_id: sqlText(d.unit.id), p_customer_id: sqlText(d.customer), p_payment_method: sqlText(d.method),
      p_policy_ids: uuids(d.policies.map((k) => POLICY_IDS[k])),
      ...(opts.discountKey ? { p_discount_request_id: ref(opts.discountKey) } : {}),
      p_deposit_due: money(d.deposit),
      ...(opts.sincerity ? { p_sincerity_applied: money(opts.sincerity) } : {}),
    }, when);
  };
  const requestDiscount = (key: string, who: string, unit: SeedUnit, customer: string, policies: PolicyKey[], price: string, reason: string, when: When, method = methodOf(policies)) =>
    s.call(who, key, "request_discount", {
      p_unit_id: sqlText(unit.id), p_customer_id: sqlText(customer), p_policy_ids: uuids(policies.map((k) => POLICY_IDS[k])),
      p_requested_price: money(price), p_reason: sqlText(reason), p_payment_method: sqlText(method),
    }, when, "bot");
  const pay = (d: Deal, kind: string, amount: string, method: string, daysAgo: number, planSeq?: number) =>
    s.call(FINANCE, null, "record_payment", {
      p_project_id: sqlText(P), p_customer_id: sqlText(d.customer), p_kind: sqlText(kind), p_amount: money(amount),
      p_method: sqlText(method), p_receipt_no: sqlText(s.nextReceipt()), p_paid_on: day(daysAgo),
      p_subscription_id: ref(`${d.key}.sub`),
      ...(planSeq ? { p_plan_item_id: `pg_temp.plan_item(${sqlText(`${d.key}.contract`)}, ${planSeq})` } : {}),
    }, { days: daysAgo, hour: 15 });
  const contract = (d: Deal, no: string, createdDay: number, when: When = { days: createdDay, hour: 11 }) => {
    const plan = planFor(d, createdDay);
    const items = plan.map((i) =>
      `jsonb_build_object('seq', ${i.seq}, 'due_date', ${day(i.dueDaysAgo)}, 'amount', ${sqlText(i.amount)}, 'kind', ${sqlText(i.kind)})`);
    s.call(d.consultant, `${d.key}.contract`, "create_contract", {
      p_subscription_id: ref(`${d.key}.sub`), p_contract_no: sqlText(no), p_plan: `jsonb_build_array(${items.join(", ")})`,
    }, when);
    return plan;
  };
  // 购房资质审核: the consultant brings the papers, finance passes the check before the signing.
  const qualify = (d: Deal, when: When, result: "pending" | "eligible" = "eligible") =>
    s.call(result === "pending" ? d.consultant : FINANCE, null, "record_qualification", {
      p_subscription_id: ref(`${d.key}.sub`), p_local_hukou: "true", p_social_security_months: "36", p_homes_owned: "0",
      p_documents: result === "pending" ? "array['id_card', 'hukou_book']" : "array['id_card', 'hukou_book', 'marriage', 'income', 'social_security']",
      p_result: sqlText(result),
    }, when);
  const sign = (d: Deal, signedDay: number, when: When = { days: signedDay, hour: 16 }) => {
    qualify(d, "hours" in when ? { hours: when.hours + 0.5 } : { ...when, hour: (when.hour ?? 10) - 1 });
    s.call(d.consultant, `${d.key}.signed`, "sign_contract", { p_contract_id: ref(`${d.key}.contract`), p_signed_on: day(signedDay) }, when);
  };
  const register = (d: Deal, no: string, daysAgo: number) =>
    s.call(MANAGER, null, "register_contract", {
      p_contract_id: ref(`${d.key}.contract`), p_registration_no: sqlText(no), p_registered_on: day(daysAgo),
    }, { days: daysAgo, hour: 14 });

  /** Subscription → contract (approved) → signed, with the plan paid as far as `paidSeqs`. */
  const signedDeal = (d: Deal, no: string, subDay: number, contractDay: number, signedDay: number, paidSeqs: number[], opts: { discountKey?: string } = {}) => {
    subscribe(d, { days: subDay, hour: 11 }, opts);
    pay(d, "deposit", d.deposit, "pos", subDay);
    const plan = contract(d, no, contractDay);
    approveChain(s, `${d.key}.contract`, 2, { days: contractDay, hour: 13 });
    sign(d, signedDay);
    for (const seq of paidSeqs.filter((x) => x > 1)) {
      const item = plan.find((i) => i.seq === seq)!;
      const paidDay = Math.max(item.dueDaysAgo, 0);
      pay(d, item.kind === "mortgage" ? "mortgage" : item.kind, item.amount, item.kind === "mortgage" ? "loan" : "transfer", paidDay, seq);
    }
    return plan;
  };

  // -------------------------------------------------------------------------------------------
  s.comment("Signed contracts (签约) with payment plans and payments");
  const d1 = deal("D01", C1, "full", ["full"]);
  signedDeal(d1, "YQ-2026-0001", 55, 51, 49, [2]);
  register(d1, "WQ330106-2026-00871", 44);

  const d2 = deal("D02", C2, "mortgage", ["mortgage"]);
  signedDeal(d2, "YQ-2026-0002", 52, 48, 47, [2]);        // mortgage due 8 days ago, not released yet: overdue
  // 催款 on it (逾期一周: the manager gets the 未回款报告单): finance called, the consultant met the customer.
  const contact = (who: string, channel: string, note: string, daysAgo: number, promised: number | null) =>
    s.call(who, null, "record_collection_contact", {
      p_plan_item_id: `pg_temp.plan_item('D02.contract', 3)`, p_channel: sqlText(channel), p_note: sqlText(note),
      p_contacted_at: at({ days: daysAgo, hour: 10 }), ...(promised === null ? {} : { p_promised_on: day(-promised) }),
    }, { days: daysAgo, hour: 10, minute: 5 });
  contact(FINANCE, "phone", "客户称银行放款审批中，催银行加快", 6, null);
  contact(MANAGER, "visit", "客户来案场面谈，银行已出批贷函，承诺一周内放款", 2, 5);

  // Instalments with an approved special discount, and a mistyped payment corrected by a reversal.
  const d3 = deal("D03", C1, "instalment", []);
  d3.price = negotiated(d3.unit, [], 3);
  requestDiscount("D03.discount", C1, d3.unit, d3.customer, [], d3.price, "客户为本地企业主，分期付款，愿意三天内签约", { days: 47, hour: 10 });
  approveChain(s, "D03.discount", 2, { days: 47, hour: 10 });
  subscribe(d3, { days: 46, hour: 15 }, { discountKey: "D03.discount" });
  pay(d3, "deposit", d3.deposit, "transfer", 46);
  const plan3 = contract(d3, "YQ-2026-0003", 42);
  approveChain(s, "D03.contract", 2, { days: 42, hour: 13 });
  sign(d3, 41);
  const down3 = plan3[1];
  const wrong = yuan(cents(down3.amount) + 90_000_00);
  s.call(FINANCE, "D03.wrong", "record_payment", {
    p_project_id: sqlText(P), p_customer_id: sqlText(d3.customer), p_kind: "'down_payment'", p_amount: money(wrong),
    p_method: "'transfer'", p_receipt_no: sqlText(s.nextReceipt()), p_paid_on: day(35),
    p_subscription_id: ref("D03.sub"), p_plan_item_id: `pg_temp.plan_item('D03.contract', 2)`,
  }, { days: 35, hour: 10 });
  s.call(FINANCE, null, "reverse_payment", { p_payment_id: ref("D03.wrong"), p_reason: "'金额录入错误，多录9万元，冲销后重新录入'" }, { days: 35, hour: 11 });
  pay(d3, "down_payment", down3.amount, "transfer", 35, 2);
  pay(d3, "installment", yuan(Math.round(cents(plan3[2].amount) / 2)), "transfer", 6, 3);   // half of a now-overdue instalment

  const d4 = deal("D04", C2, "full", ["full", "referral"]);
  signedDeal(d4, "YQ-2026-0004", 38, 34, 33, [2]);

  const d5 = deal("D05", C1, "mortgage", ["mortgage"]);
  signedDeal(d5, "YQ-2026-0005", 30, 27, 26, [2]);

  const d9 = deal("D09", C2, "full", ["full"]);
  signedDeal(d9, "YQ-2026-0006", 25, 21, 20, [2]);
  register(d9, "WQ330106-2026-01254", 16);

  const d10 = deal("D10", C1, "mortgage", ["mortgage", "referral"]);
  signedDeal(d10, "YQ-2026-0007", 22, 17, 15, [2]);

  s.comment("Deals brought by brokers: commissions computed at signing (安居 1.5%, 家和 ¥20,000/套)");
  const d6 = deal("D06", C2, "mortgage", ["mortgage"], channelCustomerId(6));
  signedDeal(d6, "YQ-2026-0008", 18, 14, 12, [2]);
  s.call(CHANNEL, null, "approve_commission", { p_commission_id: `((pg_temp.ref('D06.signed') -> 'commission') ->> 'id')::uuid`, p_note: "'带看确认单、认购书齐全'" }, { days: 10, hour: 10 });
  s.call(FINANCE, null, "mark_commission_paid", {
    p_commission_id: `((pg_temp.ref('D06.signed') -> 'commission') ->> 'id')::uuid`, p_paid_on: day(5), p_reference: "'招商银行转账 2026-0317'",
  }, { days: 5, hour: 15 });

  const d7 = deal("D07", C2, "full", ["full"], channelCustomerId(2));
  signedDeal(d7, "YQ-2026-0009", 10, 7, 5, [2]);
  s.call(CHANNEL, null, "approve_commission", { p_commission_id: `((pg_temp.ref('D07.signed') -> 'commission') ->> 'id')::uuid` }, { days: 3, hour: 11 });

  // Brought by 家和地产's broker two days ago: a special price, signed today.
  const d8 = deal("D08", C1, "full", ["full"], channelCustomerId(3));
  d8.price = negotiated(d8.unit, ["full"], 1.5);
  requestDiscount("D08.discount", C1, d8.unit, d8.customer, ["full"], d8.price, "经纪人带看客户，全款，今天能定", { hours: 40 });
  approveChain(s, "D08.discount", 1, { hours: 40 });
  subscribe(d8, { hours: 36 }, { discountKey: "D08.discount" });
  pay(d8, "deposit", d8.deposit, "pos", 1);
  contract(d8, "YQ-2026-0010", 1, { hours: 26 });
  approveChain(s, "D08.contract", 2, { hours: 26 });
  sign(d8, 0, { hours: 1 });

  s.comment("Contracts in approval, and one approved but not yet signed");
  const d11 = deal("D11", C2, "mortgage", ["mortgage"]);
  subscribe(d11, { days: 6, hour: 11 });
  pay(d11, "deposit", d11.deposit, "pos", 6);
  contract(d11, "YQ-2026-0011", 1);                          // waits for the sales manager
  qualify(d11, { days: 1, hour: 15 }, "pending");            // 资质审核: two papers in, 待核

  const d12 = deal("D12", C1, "full", ["full"]);
  subscribe(d12, { days: 6, hour: 16 });
  pay(d12, "deposit", d12.deposit, "transfer", 5);
  contract(d12, "YQ-2026-0012", 2);
  s.decide("D12.contract", MANAGER, "approve", { hours: 20 }, "付款计划与认购一致");   // waits for the director

  const d13 = deal("D13", C1, "instalment", []);
  subscribe(d13, { days: 5, hour: 10 });
  pay(d13, "deposit", d13.deposit, "pos", 5);
  contract(d13, "YQ-2026-0013", 3);
  approveChain(s, "D13.contract", 2, { days: 3, hour: 13 });

  s.comment("Active subscriptions (one past its contract deadline)");
  const d14 = deal("D14", C2, "mortgage", ["mortgage"]);
  subscribe(d14, { days: 11, hour: 15 });                    // deadline 4 days ago, no contract
  pay(d14, "deposit", d14.deposit, "pos", 10);

  const d15 = deal("D15", C1, "full", ["full"]);
  s.call(FINANCE, null, "record_payment", {
    p_project_id: sqlText(P), p_customer_id: sqlText(d15.customer), p_kind: "'sincerity'", p_amount: "'20000'::numeric",
    p_method: "'wechat'", p_receipt_no: sqlText(s.nextReceipt()), p_paid_on: day(9),
  }, { days: 9, hour: 16 });
  subscribe(d15, { days: 6, hour: 14 }, { sincerity: "20000" });
  pay(d15, "deposit", yuan(cents(d15.deposit) - 20_000_00), "pos", 6);

  const d16 = deal("D16", C2, "full", ["full", "referral"]);
  subscribe(d16, { days: 5, hour: 17 });                     // deposit not paid yet

  const d17 = deal("D17", C1, "mortgage", ["mortgage"], channelCustomerId(1));
  subscribe(d17, { days: 1, hour: 11 });

  const d18 = deal("D18", C1, "full", ["full"]);
  d18.price = negotiated(d18.unit, ["full"], 4);
  requestDiscount("D18.discount", C1, d18.unit, d18.customer, ["full"], d18.price, "客户一次买两个车位，要求房价再优惠", { days: 3, hour: 9 });
  approveChain(s, "D18.discount", 2, { days: 3, hour: 9 });
  subscribe(d18, { days: 3, hour: 16 }, { discountKey: "D18.discount" });
  pay(d18, "deposit", d18.deposit, "transfer", 2);

  const d19 = deal("D19", C2, "mortgage", ["mortgage"]);
  subscribe(d19, { days: 2, hour: 10 });

  const d20 = deal("D20", C1, "full", ["full"], channelCustomerId(7));
  subscribe(d20, { hours: 3 });

  s.comment("退房: one refund still due, one refunded");
  const d21 = deal("D21", C1, "mortgage", ["mortgage"]);
  subscribe(d21, { days: 35, hour: 11 });
  pay(d21, "deposit", d21.deposit, "pos", 35);
  s.call(C1, "D21.cancel", "request_cancellation", { p_subscription_id: ref("D21.sub"), p_reason: "'客户贷款审批未通过，申请退房退定金'" }, { days: 29, hour: 10 });
  approveChain(s, "D21.cancel", 2, { days: 29, hour: 10 });

  const d22 = deal("D22", C2, "full", ["full"]);
  subscribe(d22, { days: 40, hour: 15 });
  pay(d22, "deposit", d22.deposit, "transfer", 40);
  s.call(C2, "D22.cancel", "request_cancellation", { p_subscription_id: ref("D22.sub"), p_reason: "'客户家庭原因放弃购买'" }, { days: 33, hour: 10 });
  approveChain(s, "D22.cancel", 2, { days: 33, hour: 10 });
  pay(d22, "refund", d22.deposit, "transfer", 31);

  s.comment("换房: approved, money carried over by finance");
  const d23 = deal("D23", C1, "full", ["full"]);
  const d23new = nextUnit();
  subscribe(d23, { days: 9, hour: 10 });
  pay(d23, "deposit", d23.deposit, "pos", 9);
  s.call(C1, "D23.change", "request_unit_change", {
    p_subscription_id: ref("D23.sub"), p_new_unit_id: sqlText(d23new.id), p_reason: "'客户希望换到更高楼层'",
  }, { days: 5, hour: 10 });
  approveChain(s, "D23.change", 2, { days: 5, hour: 10 });
  s.call(FINANCE, null, "carry_over_payment", { p_unit_change_id: ref("D23.change") }, { days: 4, hour: 11 });

  s.comment("退房 and 换房 waiting for approval");
  const d24 = deal("D24", C2, "mortgage", ["mortgage"]);
  subscribe(d24, { days: 5, hour: 12 });
  pay(d24, "deposit", d24.deposit, "pos", 5);
  s.call(C2, "D24.cancel", "request_cancellation", { p_subscription_id: ref("D24.sub"), p_reason: "'客户工作调动，申请退房'" }, { hours: 26 });
  s.decide("D24.cancel", MANAGER, "approve", { hours: 22 }, "已与客户沟通确认");

  const d25 = deal("D25", C1, "full", ["full"]);
  subscribe(d25, { days: 6, hour: 10 });
  pay(d25, "deposit", d25.deposit, "pos", 6);
  s.call(C1, "D25.change", "request_unit_change", {
    p_subscription_id: ref("D25.sub"), p_new_unit_id: sqlText(nextUnit().id), p_reason: "'客户想换成南北通透户型'",
  }, { hours: 5 });

  // -------------------------------------------------------------------------------------------
  s.comment("Special discounts in every state (审批中 at each level, 已通过, 已驳回, 已过期, 已撤回)");
  s.call(GM, null, "delegate_approvals", {
    p_delegate_id: sqlText(VP), p_valid_from: at({ days: 1, hour: 8 }), p_valid_to: "now() + interval '6 days'",
    p_project_id: sqlText(P), p_note: "'出差期间由吴副总代批'",
  }, { days: 1, hour: 8 });
  const discountOnly = (key: string, who: string, policies: PolicyKey[], depth: number, reason: string, when: When) => {
    const unit = nextUnit();
    const customer = nextCustomer(who, policies.includes("referral"));
    requestDiscount(key, who, unit, customer, policies, negotiated(unit, policies, depth), reason, when);
  };
  discountOnly("R01", C1, ["full"], 1.5, "客户今天带定金来，希望凑个整数", { hours: 3 });                // at manager
  discountOnly("R02", C2, ["mortgage"], 3, "客户对比了隔壁楼盘，价格差三个点", { hours: 20 });           // at manager
  discountOnly("R03", C1, ["full", "referral"], 4, "老业主介绍的亲戚，希望多给点优惠", { hours: 30 });
  s.decide("R03", MANAGER, "approve", { hours: 28 }, "客户诚意足，同意上报");                          // at director
  discountOnly("R04", C2, ["full"], 6.5, "团购三套，要求统一特价", { hours: 40 });
  approveChain(s, "R04", 2, { hours: 40 });                                                            // at vp
  discountOnly("R05", C1, ["full"], 10, "企业客户整层采购意向，先谈一套样板价", { hours: 44 });
  approveChain(s, "R05", 3, { hours: 44 });                                                            // at gm (and the vp, delegated)
  discountOnly("R06", C2, ["mortgage"], 1.8, "客户首付已备齐，今天可以签认购", { hours: 9 });
  approveChain(s, "R06", 1, { hours: 9 });                                                             // approved, not yet used
  discountOnly("R07", C1, ["full"], 4.5, "客户坚持要再降五个点才肯定", { days: 10, hour: 10 });
  s.decide("R07", MANAGER, "approve", { days: 10, hour: 11 }, "请部长定夺");
  s.decide("R07", DIRECTOR, "reject", { days: 10, hour: 15 }, "幅度过大，当前去化良好，请按政策价成交");  // rejected
  discountOnly("R08", C2, ["full"], 1.2, "客户要求抹零", { days: 25, hour: 10 });
  s.decide("R08", MANAGER, "reject", { days: 25, hour: 12 }, "该户型为热销房源，不予特批");              // rejected
  discountOnly("R09", C1, ["mortgage"], 2.5, "客户想再考虑，先把价格申请下来", { days: 4, hour: 10 }); // lapsed while pending
  discountOnly("R10", C2, ["full"], 1.5, "客户周末来定", { days: 8, hour: 10 });
  approveChain(s, "R10", 1, { days: 8, hour: 10 });                                                    // approved, lapsed unused
  discountOnly("R11", C1, ["full"], 2.2, "客户想要赠送车位，改申请房价优惠", { days: 15, hour: 10 });
  s.call(C1, null, "cancel_discount_request", { p_request_id: ref("R11"), p_reason: "'客户改选其他房源'" }, { days: 14, hour: 9 }, "bot");

  return `-- Deals: policies, the authority matrix, subscriptions, approvals, contracts, payments, commissions.
insert into public.policies (id, project_id, name, kind, value, stackable, active, sort, note, payment_methods, customer_sources)
values
${Object.values(POLICIES)
  .map((p) => `  (${sqlText(p.id!)}, ${sqlText(P)}, ${sqlText(p.name)}, ${sqlText(p.kind)}, ${p.value}, ${p.stackable}, ${p.active}, ${p.sort}, ${sqlText(p.note)}, ${sqlArray(p.paymentMethods, "text")}, ${sqlArray(p.customerSources, "public.customer_source")})`)
  .join(",\n")};

-- The demo project keeps the default matrix (≤2% 销售经理; ≤5% +营销部长; ≤8% +主管副总; above +总经理).

-- Helpers for this script only (pg_temp: gone at the end of the session).
create temp table seed_refs (k text primary key, v jsonb) on commit drop;
create temp table seed_marks (k text primary key, v bigint) on commit drop;
insert into seed_marks values
  ('audit', (select coalesce(max(id), 0) from public.audit_log)),
  ('notifications', (select coalesce(max(id), 0) from public.notifications));

-- Act as a person: the functions read auth.uid() and the surface from these settings.
create function pg_temp.act(p_who uuid, p_surface text) returns void language sql as $f$
  select set_config('request.jwt.claims', json_build_object('sub', p_who, 'role', 'authenticated', 'surface', p_surface)::text, true)
$f$;
create function pg_temp.keep(p_key text, p_value jsonb) returns void language sql as $f$
  insert into seed_refs values (p_key, p_value) on conflict (k) do update set v = excluded.v
$f$;
create function pg_temp.ref(p_key text) returns jsonb language sql as $f$ select v from seed_refs where k = p_key $f$;
create function pg_temp.current_step(p_key text) returns uuid language sql as $f$
  select s.id from public.approval_steps s
   where s.approval_id = (pg_temp.ref(p_key) ->> 'approval_id')::uuid and s.status = 'pending'
$f$;
create function pg_temp.plan_item(p_key text, p_seq int) returns uuid language sql as $f$
  select (x ->> 'id')::uuid from jsonb_array_elements(pg_temp.ref(p_key) -> 'plan') x where (x ->> 'seq')::int = p_seq
$f$;
create function pg_temp.day(p_days_ago int) returns date language sql as $f$
  select (now() at time zone 'Asia/Shanghai')::date - p_days_ago
$f$;
create function pg_temp.day_at(p_days_ago int, p_hour int, p_minute int) returns timestamptz language sql as $f$
  select least(((now() at time zone 'Asia/Shanghai')::date - p_days_ago + make_time(p_hour, p_minute, 0)) at time zone 'Asia/Shanghai',
               now() - interval '1 minute')
$f$;
create function pg_temp.hours_ago(p_hours numeric) returns timestamptz language sql as $f$
  select now() - make_interval(secs => p_hours * 3600)
$f$;

-- Everything the last call wrote carries the transaction's now(): move it back to when it happened.
-- (Approval lapse times are set from the backdated creation times at the end, so that the
-- decisions made further down in this script still find their requests alive.)
create function pg_temp.backdate(p_at timestamptz) returns void language plpgsql as $f$
declare
  v_now timestamptz := now();
  v_days int := (now() at time zone 'Asia/Shanghai')::date - (p_at at time zone 'Asia/Shanghai')::date;
begin
  update public.audit_log set at = p_at where id > (select v from seed_marks where k = 'audit') and at = v_now;
  update public.notifications set created_at = p_at, next_attempt_at = p_at, status = 'sent', sent_at = p_at, attempts = 1
   where id > (select v from seed_marks where k = 'notifications') and created_at = v_now;
  update public.approvals set created_at = p_at where created_at = v_now;
  update public.approvals set decided_at = p_at where decided_at = v_now;
  update public.approval_steps set activated_at = p_at where activated_at = v_now;
  update public.approval_steps set decided_at = p_at where decided_at = v_now;
  update public.approval_delegations set created_at = p_at where created_at = v_now;
  update public.discount_requests set created_at = p_at where created_at = v_now;
  update public.discount_requests set decided_at = p_at where decided_at = v_now;
  update public.discount_requests set used_at = p_at where used_at = v_now;
  update public.subscriptions set created_at = p_at, contract_deadline = contract_deadline - v_days where created_at = v_now;
  update public.subscriptions set closed_at = p_at where closed_at = v_now;
  update public.contracts set created_at = p_at where created_at = v_now;
  update public.contracts set decided_at = p_at where decided_at = v_now;
  update public.contracts set signed_at = p_at where signed_at = v_now;
  update public.payments set created_at = p_at, paid_on = case when reverses is not null then (p_at at time zone 'Asia/Shanghai')::date else paid_on end
   where created_at = v_now;
  update public.unit_changes set created_at = p_at where created_at = v_now;
  update public.unit_changes set decided_at = p_at where decided_at = v_now;
  update public.unit_changes set settled_at = p_at where settled_at = v_now;
  update public.purchase_qualifications set created_at = p_at, updated_at = p_at where created_at = v_now or updated_at = v_now;
  update public.purchase_qualifications set checked_at = p_at where checked_at = v_now;
  update public.commissions set computed_at = p_at where computed_at = v_now;
  update public.commissions set approved_at = p_at where approved_at = v_now;
  update public.commissions set paid_at = p_at where paid_at = v_now;
  update public.units set updated_at = p_at where updated_at = v_now and status in ('subscribed', 'signed');
end
$f$;
${s.lines.join("\n")}

-- Approvals lapse from their (backdated) creation time.
update public.approvals a set lapses_at = a.created_at + make_interval(hours => p.approval_lapse_hours)
  from public.projects p where p.id = a.project_id and a.subject_type = 'discount' and a.project_id = ${sqlText(P)};
select set_config('request.jwt.claims', '', true), set_config('request.headers', '', true);
`;
}
