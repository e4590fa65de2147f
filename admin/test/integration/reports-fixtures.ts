import type { Enums } from "@so/shared/database.types";
import { randomUUID } from "node:crypto";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { anonClient, createProject, createStaff } from "./support/users.ts";

/**
 * A project of its own for the report tests, so a deal made "today" moves numbers nobody else
 * touches: throwaway staff (a regularised consultant, a sales manager, a marketing director,
 * finance), one building with two units. Arranged through the service role and SQL; the deal
 * itself goes through the database functions as those people.
 */
export interface SalesProject {
  projectId: string;
  projectName: string;
  password: string;
  people: Record<"consultant" | "manager" | "director" | "finance", { id: string; email: string; name: string }>;
  units: string[];
}

export const LIST_PRICE = "2345678.90";
export const DEPOSIT = "50000.00";

export async function salesProject(label: string): Promise<SalesProject> {
  const project = await createProject(`报表测试${label}`);
  const password = `pw-${randomUUID().slice(0, 12)}`;
  const roles = { consultant: ["consultant", "周顾问"], manager: ["sales_manager", "吴经理"], director: ["marketing_director", "郑部长"], finance: ["finance", "冯会计"] } as const;
  const people = {} as SalesProject["people"];
  for (const [key, [role, name]] of Object.entries(roles) as [keyof typeof roles, readonly [Enums<"staff_role">, string]][]) {
    const staff = await createStaff({ name, password, roles: [{ projectId: project.id, role }] });
    people[key] = { ...staff, name };
  }
  await sql(`update public.staff set hired_on = current_date - 400, regularised_on = current_date - 300 where id = any($1::uuid[])`, [
    Object.values(people).map((p) => p.id),
  ]);
  const buildingId = randomUUID();
  await sql(`insert into public.buildings (id, project_id, code, name, floors) values ($1, $2, '9', '9栋', 20)`, [buildingId, project.id]);
  const units: string[] = [];
  for (const number of ["901", "902"]) {
    const [row] = await sql<{ id: string }>(
      `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, list_price, unit_price)
       values ($1, $2, 9, $3, 3, 2, 2, 118.00, $4::numeric, round($4::numeric / 118, 2)) returning id`,
      [project.id, buildingId, number, LIST_PRICE],
    );
    units.push(row.id);
  }
  return { projectId: project.id, projectName: project.name, password, people, units };
}

async function signedIn(email: string, password: string): Promise<SupabaseClient> {
  const client = anonClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return client;
}

async function call<T = Record<string, any>>(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  expect(error, `${fn}: ${error?.message} (${error?.details})`).toBeNull();
  return data as T;
}

/**
 * A whole deal today, each step by the person who does it: the consultant registers a walk-in
 * (新增客户), records the first visit (来访·首访) and a call (来电), holds a unit (预留), signs the
 * subscription (认购); finance takes the deposit (收款); the consultant drafts the contract, the
 * manager and the director approve it, the consultant signs it (签约).
 */
export async function dealToday(p: SalesProject): Promise<{ price: string; deposit: string }> {
  const consultant = await signedIn(p.people.consultant.email, p.password);
  const finance = await signedIn(p.people.finance.email, p.password);
  const approvers = [await signedIn(p.people.manager.email, p.password), await signedIn(p.people.director.email, p.password)];
  const phone = `135${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

  const registered = await call(consultant, "register_customer", { p_project_id: p.projectId, p_name: "何先生", p_phone: phone, p_source: "walk_in" });
  const customerId = registered.customer_id as string;
  await call(consultant, "record_visit", { p_customer_id: customerId, p_party_size: 2, p_shown: "沙盘、样板间" });
  await call(consultant, "record_call", { p_project_id: p.projectId, p_caller_name: "孙女士", p_phone: null, p_topics: ["price"] });
  await call(consultant, "hold_unit", { p_unit_id: p.units[0], p_customer_id: customerId });
  const sub = await call(consultant, "create_subscription", {
    p_unit_id: p.units[0], p_customer_id: customerId, p_payment_method: "full", p_policy_ids: [], p_deposit_due: DEPOSIT,
  });
  await call(finance, "record_payment", {
    p_project_id: p.projectId, p_customer_id: customerId, p_kind: "deposit", p_amount: DEPOSIT, p_method: "pos",
    p_receipt_no: `BB-${randomUUID().slice(0, 8)}`, p_subscription_id: sub.id,
  });
  const contract = await call(consultant, "create_contract", {
    p_subscription_id: sub.id,
    p_contract_no: `BBHT-${randomUUID().slice(0, 6)}`,
    p_plan: [
      { seq: 1, due_date: "2027-01-10", amount: DEPOSIT, kind: "deposit" },
      { seq: 2, due_date: "2027-02-10", amount: "2295678.90", kind: "down_payment" },
    ],
  });
  for (const approver of approvers) {
    const [step] = await sql<{ id: string }>(`select id from public.approval_steps where approval_id = $1 and status = 'pending'`, [contract.approval_id]);
    await call(approver, "decide_approval", { p_step_id: step.id, p_decision: "approve" });
  }
  await call(finance, "record_qualification", {
    p_subscription_id: sub.id, p_local_hukou: true, p_social_security_months: 24, p_homes_owned: 0,
    p_documents: ["id_card", "hukou_book", "marriage", "income", "social_security"], p_result: "eligible",
  });
  await call(consultant, "sign_contract", { p_contract_id: contract.id });
  // this session only: a global sign-out would end the same people's sessions in the browser too
  for (const client of [consultant, finance, ...approvers]) await client.auth.signOut({ scope: "local" });
  return { price: String(sub.price), deposit: DEPOSIT };
}

