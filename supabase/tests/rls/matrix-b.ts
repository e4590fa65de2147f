import crypto from "node:crypto";
import { DEMO_PROJECT_ID as P, demoUserId } from "../../seed/accounts.ts";
import { AGENCY_IDS, BROKER_IDS, COOPERATION_IDS } from "../../seed/channel.ts";
import { seedCustomerId } from "../../seed/customers.ts";
import { seedUnits } from "../../seed/inventory.ts";
import { defineMatrix, parseGrid } from "./registry.ts";

/*
  Part B's RLS matrix: pricing, approvals, deals, payments and commissions. Every change to these
  tables goes through the functions (tested in approvals/deals/payments/commissions.test.ts);
  the only direct writes are the admins' edits of preferential policies.
  Cell = <select>[+<writes>] as in ./registry.ts. consultant = consultant1, broker = broker1.
  The deals seed provides rows of consultant1 and of consultant2, commissions of broker1 and of
  broker2; arrange adds a delegation the GM is no party to and the parent rows the samples need.
*/
const GRID = `
  table                 anon  admin    gm      vp      marketing_director sales_manager consultant finance channel_manager broker
  policies              none  all+iud  all     all     all                all           all        all     all             none
  approval_rules        none  all      all     all     all                all           all        all     all             none
  approvals             none  all      all     all     all                all           some       none    none            none
  approval_steps        none  all      all     all     all                all           some       none    none            none
  approval_delegations  none  all      some    some    some               none          none       none    none            none
  discount_requests     none  all      all     all     all                all           some       none    none            none
  subscriptions         none  all      all     all     all                all           some       all     none            none
  unit_changes          none  all      all     all     all                all           some       all     none            none
  contracts             none  all      all     all     all                all           some       all     none            none
  payment_plan_items    none  all      all     all     all                all           some       all     none            none
  payments              none  all      all     all     all                all           some       all     none            none
  commissions           none  all      all     all     all                all           none       all     all             some
`;

const C1 = demoUserId("consultant1@demo.local");
const C2 = demoUserId("consultant2@demo.local");
const DIRECTOR = demoUserId("director@demo.local");
const GM = demoUserId("gm@demo.local");
const UNIT = seedUnits()[2].id;                                  // a 1st-floor unit the deals seed leaves alone
const CUSTOMER = seedCustomerId(4);
const PROBE_SUB = "0000b11b-0000-4000-8000-000000000001";        // a cancelled subscription, parent of samples
const PROBE_CONTRACT = "0000b11b-0000-4000-8000-000000000002";   // a rejected contract, parent of samples
const PROBE_APPROVAL = "0000b11b-0000-4000-8000-000000000003";   // a cancelled approval, parent of samples
const tag = () => crypto.randomBytes(4).toString("hex");
const project = { column: "project_id", value: P };

export const matrixB = defineMatrix({
  name: "part B",
  rows: parseGrid(GRID),
  arrange: [
    `insert into public.approval_delegations (delegator_id, delegate_id, project_id, valid_from, valid_to, note)
     values ('${DIRECTOR}', '${C2}', '${P}', now(), now() + interval '1 day', 'RLS探针')`,
    `insert into public.subscriptions (id, project_id, unit_id, customer_id, consultant_id, payment_method, list_price,
       price_after_policies, price, buildup, deposit_due, contract_deadline, status)
     values ('${PROBE_SUB}', '${P}', '${UNIT}', '${CUSTOMER}', '${C2}', 'full', 3000000, 3000000, 3000000, '{}', 0, '2030-01-01', 'cancelled')
     on conflict do nothing`,
    `insert into public.contracts (id, project_id, subscription_id, unit_id, customer_id, consultant_id, contract_no, price, payment_method, status)
     values ('${PROBE_CONTRACT}', '${P}', '${PROBE_SUB}', '${UNIT}', '${CUSTOMER}', '${C2}', 'RLS-PROBE', 3000000, 'full', 'rejected')
     on conflict do nothing`,
    `insert into public.approvals (id, project_id, subject_type, subject_id, requester_id, status)
     values ('${PROBE_APPROVAL}', '${P}', 'contract', '${PROBE_CONTRACT}', '${C2}', 'cancelled') on conflict do nothing`,
  ],
  tables: {
    policies: {
      scope: project, update: "sort",
      sample: () => ({ project_id: P, name: `探针政策${tag()}`, kind: "factor", value: 0.97 }),
    },
    approval_rules: {
      scope: project, update: "chain",
      sample: () => ({ project_id: P, max_depth_pct: 90 + crypto.randomInt(0, 999) / 100, chain: ["gm"] }),
    },
    approvals: {
      scope: project, update: "status",
      sample: () => ({ project_id: P, subject_type: "discount", subject_id: crypto.randomUUID(), requester_id: C1 }),
    },
    approval_steps: {
      scope: { ids: `select s.id from public.approval_steps s join public.approvals a on a.id = s.approval_id where a.project_id = '${P}'` },
      update: "status",
      sample: () => ({ approval_id: PROBE_APPROVAL, seq: crypto.randomInt(100, 1e6), role: "gm", status: "waiting" }),
    },
    approval_delegations: {
      scope: project, update: "note",
      sample: () => ({ delegator_id: GM, delegate_id: C1, project_id: P, valid_from: "2030-01-01T00:00:00Z", valid_to: "2030-01-02T00:00:00Z", note: tag() }),
    },
    discount_requests: {
      scope: project, update: "status",
      sample: () => ({
        id: crypto.randomUUID(), approval_id: PROBE_APPROVAL, project_id: P, unit_id: UNIT, customer_id: CUSTOMER, requester_id: C1,
        list_price: 3000000, price_after_policies: 2940000, requested_price: 2900000, special_discount_amount: 40000, depth_pct: 1.36,
        reason: `探针${tag()}`, buildup: {},
      }),
    },
    subscriptions: {
      scope: project, update: "status",
      sample: () => ({
        project_id: P, unit_id: UNIT, customer_id: CUSTOMER, consultant_id: C1, payment_method: "full", list_price: 3000000,
        price_after_policies: 3000000, price: 3000000, buildup: {}, deposit_due: 0, contract_deadline: "2030-01-01",
        status: "cancelled", note: tag(),
      }),
    },
    unit_changes: {
      scope: project, update: "status",
      sample: () => ({
        id: crypto.randomUUID(), approval_id: PROBE_APPROVAL, project_id: P, kind: "cancellation", subscription_id: PROBE_SUB,
        customer_id: CUSTOMER, old_unit_id: UNIT, reason: `探针${tag()}`, requester_id: C1, status: "rejected",
      }),
    },
    contracts: {
      scope: project, update: "status",
      sample: () => ({
        id: crypto.randomUUID(), project_id: P, subscription_id: PROBE_SUB, unit_id: UNIT, customer_id: CUSTOMER, consultant_id: C1,
        contract_no: `RLS-${tag()}`, price: 3000000, payment_method: "full", status: "rejected",
      }),
    },
    payment_plan_items: {
      scope: project, update: "amount",
      sample: () => ({ contract_id: PROBE_CONTRACT, project_id: P, seq: crypto.randomInt(100, 1e6), due_date: "2030-01-01", amount: 1, kind: "deposit" }),
    },
    payments: {
      scope: project, update: "amount",
      sample: () => ({
        project_id: P, customer_id: CUSTOMER, kind: "deposit", amount: 1, method: "cash", receipt_no: `RLS-${tag()}`, paid_on: "2026-01-01",
      }),
    },
    commissions: {
      scope: project, update: "status",
      sample: () => ({
        project_id: P, contract_id: PROBE_CONTRACT, report_id: "aa0d0000-0000-4000-8000-000000000001", agency_id: AGENCY_IDS.anju,
        broker_id: BROKER_IDS.broker1, cooperation_id: COOPERATION_IDS.anju, contract_no: `RLS-${tag()}`, unit_label: "1-103",
        customer_name: "探针", signed_on: "2026-01-01", basis_amount: 3000000, commission_type: "percent", commission_value: 1.5, amount: 45000,
      }),
    },
  },
});
