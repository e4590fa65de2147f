import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { SupabaseClient } from "@supabase/supabase-js";
import { QUALIFICATION_PAPERS } from "@so/shared/schemas/deals";
import { DEMO_PROJECT_ID, demoUserId } from "../../seed/accounts.ts";
import { signedIn, sql } from "./clients.ts";
import { insertLogin } from "./people.ts";

/**
 * Fixtures for the deal tests (approvals, subscriptions, contracts, payments, commissions).
 * Each test file builds its own project — the demo accounts with the same roles as in the demo
 * project, one building, units, customers, policies and the authority matrix — so its rows never
 * meet the seed's or another file's. Arranged with superuser SQL; everything under test goes
 * through the API as a signed-in user.
 */

export const uid = (who: string) => demoUserId(who.includes("@") ? who : `${who}@demo.local`);

const clients = new Map<string, Promise<SupabaseClient>>();
/** One signed-in client per demo account, shared by the tests of a file. */
export function as(who: string): Promise<SupabaseClient> {
  if (!clients.has(who)) clients.set(who, signedIn(who));
  return clients.get(who)!;
}

export interface RpcResult<T> {
  data: T | null;
  error: { code?: string; message: string; details?: string; hint?: string } | null;
}

/** Call an RPC as a demo account; returns supabase-js's { data, error }. */
export async function rpc<T = Record<string, any>>(who: string, fn: string, args: Record<string, unknown>): Promise<RpcResult<T>> {
  const client = await as(who);
  const { data, error } = await client.rpc(fn, args);
  return { data: data as T | null, error };
}

/** Call an RPC that must succeed; returns its data. */
export async function ok<T = Record<string, any>>(who: string, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await rpc<T>(who, fn, args);
  expect(error, `${who} ${fn}: ${error?.message} (${error?.details})`).toBeNull();
  return data as T;
}

/** Call an RPC that must be refused with this machine code. */
export async function refused(who: string, fn: string, args: Record<string, unknown>, code: string) {
  const { data, error } = await rpc(who, fn, args);
  expect(data, `${who} ${fn} should have been refused with ${code}`).toBeNull();
  expect(error?.details, `${who} ${fn}: ${error?.message}`).toBe(code);
  return error!;
}

export interface DealProject {
  projectId: string;
  buildingCode: string;
  /** Unit ids, in floor/number order; list prices from LIST_PRICES. */
  units: string[];
  /** Customers owned by consultant1 (c1*), consultant2 (c2*), consultant3 (c3*). */
  customers: Record<string, string>;
  policies: { full: string; mortgage: string; referral: string; cash: string };
  label: (unitIndex: number) => string;
}

/** List prices of the fixture units (cycled). The first one: 2,914,285.71 → 98折 2,856,000.00. */
export const LIST_PRICES = ["2914285.71", "1980000.00", "3560000.00", "2450000.00"];

/**
 * A fresh project with the demo accounts' roles, `unitCount` available units, customers owned by
 * consultants 1–3 (c11 and c13 came by referral), the policies 一次性付款98折 (full payment only) /
 * 按揭99折 (mortgage only) / 老带新99折 (stackable, referrals only) / 现金立减1万 (stackable, amount), and the default matrix ≤2 manager; ≤5 +director; ≤8 +vp; above +gm.
 */
export async function dealProject(code: string, unitCount = 12): Promise<DealProject> {
  // The demo accounts join this project; the admin opens a person's first project by code, and the
  // browser tests expect the demo project (HZ-YQ) there.
  if (code.localeCompare("HZ-YQ") <= 0) throw new Error(`dealProject: the code ${code} must sort after the demo project's HZ-YQ`);
  const projectId = randomUUID();
  await sql(`insert into public.projects (id, code, name, city) values ($1, $2, $3, '杭州')`, [projectId, code, `测试${code}`]);
  await sql(
    `insert into public.staff_projects (staff_id, project_id, role)
     select staff_id, $1, role from public.staff_projects where project_id = $2`,
    [projectId, DEMO_PROJECT_ID],
  );
  const buildingId = randomUUID();
  const buildingCode = "8";
  await sql(`insert into public.buildings (id, project_id, code, name, floors) values ($1, $2, $3, '8栋', 30)`, [
    buildingId, projectId, buildingCode,
  ]);
  const units: string[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < unitCount; i++) {
    const floor = 10 + Math.floor(i / 4);
    const number = `${floor}0${(i % 4) + 1}`;
    const price = LIST_PRICES[i % LIST_PRICES.length];
    const [row] = await sql<{ id: string }>(
      `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, list_price, unit_price)
       values ($1, $2, $3, $4, 3, 2, 2, 120, $5::numeric, round($5::numeric / 120, 2)) returning id`,
      [projectId, buildingId, floor, number, price],
    );
    units.push(row.id);
    numbers.push(number);
  }
  const customers: Record<string, string> = {};
  const owners: [string, string][] = [["c1", "consultant1"], ["c2", "consultant2"], ["c3", "consultant3"]];
  let n = 0;
  for (const [prefix, owner] of owners) {
    for (let i = 1; i <= 6; i++) {
      n++;
      // c11 and c13 came by referral (老带新); everyone else walked in.
      const source = prefix === "c1" && (i === 1 || i === 3) ? "referral" : "walk_in";
      const [row] = await sql<{ id: string }>(
        `insert into public.customers (project_id, name, phone, owner_id, created_by, status, source)
         values ($1, $2, $3, $4, $4, 'following', $5) returning id`,
        [projectId, `客户${prefix}${i}`, `1390${String(n).padStart(7, "0")}`, uid(owner), source],
      );
      customers[`${prefix}${i}`] = row.id;
    }
  }
  const policy = async (name: string, kind: string, value: string, stackable: boolean, sort: number,
                        methods: string[] | null = null, sources: string[] | null = null) =>
    (
      await sql<{ id: string }>(
        `insert into public.policies (project_id, name, kind, value, stackable, sort, payment_methods, customer_sources)
         values ($1, $2, $3, $4, $5, $6, $7, $8::public.customer_source[]) returning id`,
        [projectId, name, kind, value, stackable, sort, methods, sources],
      )
    )[0].id;
  // With their real conditions: 98折 for full payment only, 99折 for mortgages only, 老带新 for referrals.
  const policies = {
    full: await policy("一次性付款98折", "factor", "0.98", false, 1, ["full"]),
    mortgage: await policy("按揭99折", "factor", "0.99", false, 2, ["mortgage"]),
    referral: await policy("老带新99折", "factor", "0.99", true, 3, null, ["referral"]),
    cash: await policy("现金立减1万", "amount", "10000", true, 4),
  };
  // The authority matrix is the default every new project gets (see the pricing migration).
  return { projectId, buildingCode, units, customers, policies, label: (i) => `${buildingCode}-${numbers[i]}` };
}

/** Notifications of a kind for a recipient about an approval (payload.approval_id). */
export async function notificationsFor(who: string, kind: string, approvalId: string) {
  return sql<{ payload: Record<string, any> }>(
    `select payload from public.notifications where recipient_id = $1 and kind = $2 and payload ->> 'approval_id' = $3 order by id`,
    [uid(who), kind, approvalId],
  );
}

/** The current (pending) step of an approval. */
export async function currentStep(approvalId: string) {
  const rows = await sql<{ id: string; seq: number; role: string }>(
    `select id, seq, role from public.approval_steps where approval_id = $1 and status = 'pending'`,
    [approvalId],
  );
  return rows[0];
}

/** All steps of an approval, in order. */
export async function steps(approvalId: string) {
  return sql<{ id: string; seq: number; role: string; status: string; decided_by: string | null; comment: string | null; on_behalf_of: string | null }>(
    `select id, seq, role, status, decided_by, comment, on_behalf_of from public.approval_steps where approval_id = $1 order by seq`,
    [approvalId],
  );
}

/** Walk an approval through its whole chain with the demo approver of each role. */
export const APPROVER_FOR_ROLE: Record<string, string> = {
  sales_manager: "manager",
  marketing_director: "director",
  vp: "vp",
  gm: "gm",
};
export async function approveAll(approvalId: string) {
  let last: Record<string, any> | null = null;
  for (;;) {
    const step = await currentStep(approvalId);
    if (!step) return last;
    last = await ok(APPROVER_FOR_ROLE[step.role], "decide_approval", { p_step_id: step.id, p_decision: "approve" });
  }
}

/** Audit rows for a record, oldest first. */
export async function auditOf(table: string, recordId: string) {
  return sql<{ action: string; actor: string | null; surface: string; before: any; after: any }>(
    `select action, actor, surface, before, after from public.audit_log where table_name = $1 and record_id = $2 order by id`,
    [table, recordId],
  );
}

/** A staff member with a login (password DEMO_PASSWORD) and the given role in a new project of their own — nothing in any test project. */
export async function otherProjectPerson(name: string, role: string, projectCode: string) {
  const id = randomUUID();
  const email = `${projectCode.toLowerCase()}-${id.slice(0, 8)}@test.local`;
  await insertLogin(id, email);
  await sql(`insert into public.staff (id, name, email) values ($1, $2, $3)`, [id, name, email]);
  const [project] = await sql<{ id: string }>(`insert into public.projects (code, name, city) values ($1, $2, '杭州') returning id`, [projectCode, `${name}的项目`]);
  await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, $3)`, [id, project.id, role]);
  return { id, email };
}

/** All the papers of a 购房资质审核 (what 符合 needs for any payment method and 户籍). */
export const ALL_PAPERS = [...QUALIFICATION_PAPERS];

/** The 购房资质审核 of a subscription passed by finance through the API (what signing needs). */
export async function qualify(subscriptionId: string) {
  return ok("finance", "record_qualification", {
    p_subscription_id: subscriptionId, p_local_hukou: true, p_social_security_months: 24, p_homes_owned: 0,
    p_documents: ALL_PAPERS, p_result: "eligible",
  });
}

/** Sign a contract as the office does: its 认购's 资质审核 passed first, then sign_contract. */
export async function signContract<T = Record<string, any>>(who: string, contractId: string, args: Record<string, unknown> = {}) {
  const [row] = await sql<{ subscription_id: string }>(`select subscription_id from public.contracts where id = $1`, [contractId]);
  await qualify(row.subscription_id);
  return ok<T>(who, "sign_contract", { p_contract_id: contractId, ...args });
}
