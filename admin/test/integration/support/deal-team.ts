import crypto from "node:crypto";
import { createNodeClient } from "@so/shared/supabase-node";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { settled, type AdminBrowser } from "./browser.ts";
import { testStack } from "./stack.ts";
import { createProject, createStaff } from "./users.ts";

/**
 * A sales team of its own for the approvals/deals/finance tests: a fresh project with throwaway
 * staff in every role (so the demo accounts and the demo project stay as other tests expect),
 * one building of available units, the usual policies and the default authority matrix
 * (≤2% 销售经理; ≤5% +营销部长; ≤8% +主管副总; above +总经理). Arranged through the service
 * role and SQL; everything under test goes through the admin or the API as the person.
 */

export const TEAM_PASSWORD = "team-password-2026";

const MEMBERS = {
  consultant: { role: "consultant", name: "王置业" },
  consultant2: { role: "consultant", name: "陈置业" },
  manager: { role: "sales_manager", name: "李经理" },
  director: { role: "marketing_director", name: "孙部长" },
  vp: { role: "vp", name: "吴副总" },
  gm: { role: "gm", name: "郑总" },
  finance: { role: "finance", name: "赵会计" },
  channel: { role: "channel_manager", name: "钱渠道" },
} as const;
export type Member = keyof typeof MEMBERS;

/** The approver of each chain role. */
export const APPROVER: Record<string, Member> = { sales_manager: "manager", marketing_director: "director", vp: "vp", gm: "gm" };

/** List prices of the units, cycled: 2,669,436.00 → 98折 2,616,047.28. */
const LIST_PRICES = ["2669436.00", "3608150.00", "2914285.71", "1980000.00"];

export interface RpcResult<T> {
  data: T | null;
  error: { code?: string; message: string; details?: string } | null;
}

export interface DealTeam {
  projectId: string;
  projectName: string;
  people: Record<Member, { id: string; email: string; name: string }>;
  units: { id: string; label: string; listPrice: string }[];
  policies: { full: string; mortgage: string; referral: string };
  rpc<T = Record<string, any>>(who: Member, fn: string, args: Record<string, unknown>): Promise<RpcResult<T>>;
  ok<T = Record<string, any>>(who: Member, fn: string, args: Record<string, unknown>): Promise<T>;
  /** A customer the consultant registers (register_customer), with a fresh phone. */
  registerCustomer(name: string, who?: Member): Promise<string>;
  /** Decides every remaining step with the right approver, through the API. */
  approveAll(approvalId: string): Promise<void>;
  /** A subscription at the policy price (create_subscription as the consultant). */
  subscribe(unitIndex: number, customerId: string, depositDue?: string): Promise<{ id: string; price: number }>;
  /** A deposit recorded by finance (record_payment). */
  pay(customerId: string, subscriptionId: string, amount: string, kind?: string): Promise<{ id: string; receipt_no: string }>;
  /** The subscription's 购房资质审核 passed by finance with every paper (what signing needs). */
  qualify(subscriptionId: string): Promise<void>;
  /** An agency cooperating at 1.5% and a visited report protecting the customer (channel attribution). */
  channelReport(customerId: string): Promise<{ agencyName: string }>;
  /** Signs in as a team member and opens the dashboard. */
  signIn(page: Page, who: Member): Promise<void>;
  /** Signs in as a team member and opens `path` straight away. */
  signInTo(page: Page, path: string, who: Member): Promise<void>;
}

const unique = () => crypto.randomBytes(3).toString("hex");
export const freshPhone = () => `166${crypto.randomInt(0, 100_000_000).toString().padStart(8, "0")}`;
export const receiptNo = () => `SJ-${unique().toUpperCase()}`;

export async function createDealTeam(
  label: string,
  browser: Pick<AdminBrowser, "signIn" | "signInTo">,
  { unitCount = 8 }: { unitCount?: number } = {},
): Promise<DealTeam> {
  const project = await createProject(`${label}测试项目`);
  const entries = await Promise.all(
    Object.entries(MEMBERS).map(async ([key, m]) => {
      const staff = await createStaff({ name: m.name, password: TEAM_PASSWORD, roles: [{ projectId: project.id, role: m.role }] });
      return [key, { ...staff, name: m.name }] as const;
    }),
  );
  const people = Object.fromEntries(entries) as DealTeam["people"];
  // Regularised (转正) long ago: they may sign subscriptions and contracts.
  await sql(`update public.staff set hired_on = current_date - 400, regularised_on = current_date - 300 where id = any($1::uuid[])`, [
    Object.values(people).map((p) => p.id),
  ]);

  const [building] = await sql<{ id: string }>(
    `insert into public.buildings (project_id, code, name, floors) values ($1, '9', '9栋', 30) returning id`,
    [project.id],
  );
  const units: DealTeam["units"] = [];
  for (let i = 0; i < unitCount; i++) {
    const floor = 10 + Math.floor(i / 4);
    const number = `${floor}0${(i % 4) + 1}`;
    const price = LIST_PRICES[i % LIST_PRICES.length];
    const [row] = await sql<{ id: string }>(
      `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, inner_area, orientation,
                                 list_price, unit_price)
       values ($1, $2, $3, $4, 3, 2, 2, 118.30, 92.60, '南北', $5::numeric, round($5::numeric / 118.30, 2)) returning id`,
      [project.id, building.id, floor, number, price],
    );
    units.push({ id: row.id, label: `9-${number}`, listPrice: price });
  }
  const policy = async (name: string, value: string, stackable: boolean, sort: number) =>
    (
      await sql<{ id: string }>(
        `insert into public.policies (project_id, name, kind, value, stackable, sort) values ($1, $2, 'factor', $3, $4, $5) returning id`,
        [project.id, name, value, stackable, sort],
      )
    )[0].id;
  const policies = {
    full: await policy("一次性付款98折", "0.98", false, 1),
    mortgage: await policy("按揭99折", "0.99", false, 2),
    referral: await policy("老带新99折", "0.99", true, 3),
  };

  const clients = new Map<Member, Promise<SupabaseClient>>();
  const client = (who: Member) => {
    if (!clients.has(who)) {
      clients.set(
        who,
        (async () => {
          const c = createNodeClient(testStack().url, testStack().anonKey, { global: { headers: { "x-surface": "admin" } } });
          const { error } = await c.auth.signInWithPassword({ email: people[who].email, password: TEAM_PASSWORD });
          if (error) throw error;
          return c;
        })(),
      );
    }
    return clients.get(who)!;
  };
  const rpc = async <T,>(who: Member, fn: string, args: Record<string, unknown>): Promise<RpcResult<T>> => {
    let result = await (await client(who)).rpc(fn, args);
    // The local gateway answers 502 when PostgREST dropped a kept-alive socket before reading the
    // request (nothing ran): ask again once.
    if (result.error && !result.error.code && /upstream server/.test(result.error.message)) result = await (await client(who)).rpc(fn, args);
    return { data: result.data as T | null, error: result.error };
  };
  const ok = async <T,>(who: Member, fn: string, args: Record<string, unknown>): Promise<T> => {
    const { data, error } = await rpc<T>(who, fn, args);
    expect(error, `${who} ${fn}: ${error?.message} (${error?.details})`).toBeNull();
    return data as T;
  };

  const team: DealTeam = {
    projectId: project.id,
    projectName: project.name,
    people,
    units,
    policies,
    rpc,
    ok,
    async registerCustomer(name, who = "consultant") {
      const r = await ok<{ outcome: string; customer_id: string }>(who, "register_customer", {
        p_project_id: project.id,
        p_name: name,
        p_phone: freshPhone(),
        p_source: "walk_in",
      });
      expect(r.outcome).toBe("new");
      return r.customer_id;
    },
    async approveAll(approvalId) {
      for (;;) {
        const [step] = await sql<{ id: string; role: string }>(
          `select id, role from public.approval_steps where approval_id = $1 and status = 'pending'`,
          [approvalId],
        );
        if (!step) return;
        await ok(APPROVER[step.role], "decide_approval", { p_step_id: step.id, p_decision: "approve" });
      }
    },
    async subscribe(unitIndex, customerId, depositDue = "50000") {
      return ok<{ id: string; price: number }>("consultant", "create_subscription", {
        p_unit_id: units[unitIndex].id,
        p_customer_id: customerId,
        p_payment_method: "full",
        p_policy_ids: [policies.full],
        p_deposit_due: depositDue,
      });
    },
    async pay(customerId, subscriptionId, amount, kind = "deposit") {
      return ok<{ id: string; receipt_no: string }>("finance", "record_payment", {
        p_project_id: project.id,
        p_customer_id: customerId,
        p_kind: kind,
        p_amount: amount,
        p_method: "transfer",
        p_receipt_no: receiptNo(),
        p_subscription_id: subscriptionId,
      });
    },
    async qualify(subscriptionId) {
      await ok("finance", "record_qualification", {
        p_subscription_id: subscriptionId, p_local_hukou: true, p_social_security_months: 24, p_homes_owned: 0,
        p_documents: ["id_card", "hukou_book", "marriage", "income", "social_security"], p_result: "eligible",
      });
    },
    async channelReport(customerId) {
      const agencyName = `测试链家${unique()}`;
      const [agency] = await sql<{ id: string }>(`insert into public.agencies (name) values ($1) returning id`, [agencyName]);
      const [coop] = await sql<{ id: string }>(
        `insert into public.cooperations (agency_id, project_id, commission_type, commission_value, valid_from)
         values ($1, $2, 'percent', 1.5, current_date - 90) returning id`,
        [agency.id, project.id],
      );
      const [broker] = await sql<{ id: string }>(`insert into public.brokers (agency_id, name) values ($1, '黄经纪') returning id`, [agency.id]);
      const [c] = await sql<{ name: string; phone: string }>(`select name, phone from public.customers where id = $1`, [customerId]);
      await sql(
        `insert into public.channel_reports (project_id, broker_id, agency_id, cooperation_id, customer_name, phone_input, customer_phone,
           phone_prefix, phone_suffix, expected_visit_at, status, ruled_at, lapses_at, customer_id, consultant_id, visited_at,
           protection_days, protected_until, created_at)
         values ($1, $2, $3, $4, $5, $6, $6, left($6, 3), right($6, 4), now() - interval '3 days', 'visited',
           now() - interval '4 days', now() + interval '7 days', $7, $8, now() - interval '3 days',
           30, now() + interval '27 days', now() - interval '4 days')`,
        [project.id, broker.id, agency.id, coop.id, c.name, c.phone, customerId, people.consultant.id],
      );
      return { agencyName };
    },
    signIn: (page, who) => browser.signIn(page, people[who].email, TEAM_PASSWORD),
    signInTo: (page, path, who) => browser.signInTo(page, path, people[who].email, TEAM_PASSWORD),
  };
  return team;
}

/** Picks an option of an antd Select found by its test id, typing to search first. */
export async function pickOption(page: Page, testId: string, search: string, optionText: string | RegExp = search): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(search);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: optionText }).first().click();
}

/** The current (pending) step of an approval. */
export async function currentStep(approvalId: string): Promise<{ id: string; role: string; seq: number } | undefined> {
  const [row] = await sql<{ id: string; role: string; seq: number }>(
    `select id, role, seq from public.approval_steps where approval_id = $1 and status = 'pending'`,
    [approvalId],
  );
  return row;
}

/** A fresh page signed in as a team member, on `path` (else the dashboard). */
export async function pageAs(admin: { newPage(): Promise<Page> }, team: DealTeam, who: Member, path?: string): Promise<Page> {
  const page = await admin.newPage();
  if (path) await team.signInTo(page, path, who);
  else await team.signIn(page, who);
  return page;
}

/** As `who`: open the approval about this unit from the inbox and approve it (with a comment). */
export async function approveInInbox(page: Page, unitLabel: string, comment?: string): Promise<void> {
  await page.goto("/approvals");
  const row = page.getByTestId("inbox-table").locator("tr", { hasText: unitLabel });
  await row.getByRole("button", { name: "去审批" }).click();
  await page.getByTestId("decide-panel").waitFor();
  if (comment) await page.getByLabel("审批意见").fill(comment);
  await page.getByTestId("approve").click();
  await page.getByTestId("decide-panel").waitFor({ state: "detached" });
}

/**
 * On an approved contract's page: 签约, then 网签备案 with this number. Each dialog is waited for
 * until it has come in before it is filled and confirmed: in fresh-clone run 22 the 保存备案 click on a
 * dialog still coming in did not take (dialog open, number filled, nothing saved).
 */
export async function signAndRegister(page: Page, registrationNo: string): Promise<void> {
  await page.getByTestId("contract-status").getByText("待签约").waitFor();
  await page.getByTestId("sign").click();
  const signing = page.getByRole("dialog", { name: /^签约：/ });
  await settled(signing);
  await signing.getByRole("button", { name: /签\s*约/ }).click();
  await page.getByTestId("contract-status").getByText("已签约").waitFor();
  await page.getByTestId("register").click();
  const registering = page.getByRole("dialog", { name: /^网签备案：/ });
  await settled(registering);
  await registering.getByTestId("registration-no").fill(registrationNo);
  await registering.getByRole("button", { name: "保存备案" }).click();
  await page.getByTestId("registration").getByText(registrationNo).waitFor();
}
