import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { visitedReport } from "./support/channel-reports.ts";
import { approveAll, as, dealProject, ok, refused, uid, type DealProject, signContract } from "./support/deals.ts";

// Channel scope: a channel manager edits only the agencies, stores and brokers of the projects
// they manage, never a broker's login; the person who last changed an agency's commission terms
// does not approve its commissions.

let p: DealProject;             // the channel manager's project (demo roles copied)
let otherProject: string;       // a project channel@ has no role in
let theirAgency: string;        // cooperates only with otherProject
let theirBroker: string;
let ourAgency: string;          // cooperates with p
let ourBroker: string;

const brokerRow = async (id: string) =>
  (await sql<{ name: string; user_id: string | null; agency_id: string }>(`select name, user_id, agency_id from public.brokers where id = $1`, [id]))[0];

beforeAll(async () => {
  p = await dealProject("T-CHANNEL-SCOPE", 4);
  otherProject = randomUUID();
  await sql(`insert into public.projects (id, code, name, city) values ($1, 'T-CHANNEL-OTHER', '测试他项目', '宁波')`, [otherProject]);
  const agency = async (project: string) => {
    const [a] = await sql<{ id: string }>(`insert into public.agencies (name) values ($1) returning id`, [`渠道范围${randomUUID().slice(0, 8)}`]);
    await sql(`insert into public.cooperations (agency_id, project_id, commission_type, commission_value, valid_from)
               values ($1, $2, 'percent', 1.5, current_date - 90)`, [a.id, project]);
    const [b] = await sql<{ id: string }>(`insert into public.brokers (agency_id, name, phone) values ($1, '范围经纪', '13612345678') returning id`, [a.id]);
    return [a.id, b.id];
  };
  [theirAgency, theirBroker] = await agency(otherProject);
  [ourAgency, ourBroker] = await agency(p.projectId);
});

describe("channel managers stay within their projects", () => {
  it("refuses edits to another project's agency, store and broker, with a clear message, and writes nothing", async () => {
    const channel = await as("channel");
    const b = await channel.from("brokers").update({ name: "改名" }).eq("id", theirBroker).select();
    expect(b.error?.details).toBe("channel_out_of_scope");
    expect(b.error?.message).toContain("只能维护");
    expect((await brokerRow(theirBroker)).name).toBe("范围经纪");
    const a = await channel.from("agencies").update({ contact_name: "张三" }).eq("id", theirAgency).select();
    expect(a.error?.details).toBe("channel_out_of_scope");
    const s = await channel.from("agency_stores").insert({ agency_id: theirAgency, name: "新门店" }).select();
    expect(s.error?.details).toBe("channel_out_of_scope");
    const nb = await channel.from("brokers").insert({ agency_id: theirAgency, name: "新人" }).select();
    expect(nb.error?.details).toBe("channel_out_of_scope");
    // Moving one of our brokers into their agency is the same walk-around.
    const move = await channel.from("brokers").update({ agency_id: theirAgency }).eq("id", ourBroker).select();
    expect(move.error?.details).toBe("channel_out_of_scope");
    expect((await brokerRow(ourBroker)).agency_id).toBe(ourAgency);
  });

  it("lets them edit their own project's agency and broker, and an administrator edit any", async () => {
    const channel = await as("channel");
    const ours = await channel.from("brokers").update({ name: "本项目经纪" }).eq("id", ourBroker).select("name");
    expect(ours.error).toBeNull();
    expect(ours.data).toEqual([{ name: "本项目经纪" }]);
    const store = await channel.from("agency_stores").insert({ agency_id: ourAgency, name: "文三路店" }).select("id");
    expect(store.error).toBeNull();
    const admin = await (await as("admin")).from("brokers").update({ name: "管理员改" }).eq("id", theirBroker).select("name");
    expect(admin.data).toEqual([{ name: "管理员改" }]);
  });

  it("never lets them point a broker's login at an account — themselves included", async () => {
    const channel = await as("channel");
    const hijack = await channel.from("brokers").update({ user_id: uid("channel") }).eq("id", ourBroker).select();
    expect(hijack.error?.details).toBe("broker_login_locked");
    expect((await brokerRow(ourBroker)).user_id).toBeNull();
    const self = await channel.from("brokers").insert({ agency_id: ourAgency, name: "我自己", user_id: uid("channel") }).select();
    expect(self.error?.details).toBe("invalid_broker_login");
    const consultant = await channel.from("brokers").insert({ agency_id: ourAgency, name: "顾问", user_id: uid("consultant1") }).select();
    expect(consultant.error?.details).toBe("invalid_broker_login");
    // An administrator links logins (to an account of its own, so no other test's broker moves).
    const login = randomUUID();
    await sql(`insert into auth.users (id, instance_id, aud, role, email, encrypted_password, email_confirmed_at)
               values ($1, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', $2, 'x', now())`,
      [login, `scope-${login.slice(0, 8)}@test.local`]);
    await sql(`insert into public.staff (id, name, email) values ($1, '新经纪', $2) on conflict (id) do nothing`, [login, `scope-${login.slice(0, 8)}@test.local`]);
    await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'broker')`, [login, p.projectId]);
    const [spare] = await sql<{ id: string }>(`insert into public.brokers (agency_id, name) values ($1, '待关联') returning id`, [ourAgency]);
    const linked = await (await as("admin")).from("brokers").update({ user_id: login }).eq("id", spare.id).select("user_id");
    expect(linked.data).toEqual([{ user_id: login }]);
    // …and once linked, the channel manager cannot re-point it either.
    const repoint = await channel.from("brokers").update({ user_id: null }).eq("id", spare.id).select();
    expect(repoint.error?.details).toBe("broker_login_locked");
  });
});

describe("commission approval is not the terms author's", () => {
  it("refuses the person who last changed the agency's terms; the 营销部长 approves", async () => {
    // A report that protects customer c11, and the deal signed (定金 received before the contract).
    await visitedReport({ projectId: p.projectId, brokerId: ourBroker, customerId: p.customers.c11, consultantId: uid("consultant1") });
    const sub = await ok("consultant1", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c11, p_payment_method: "full", p_policy_ids: [p.policies.full], p_deposit_due: "50000",
    });
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c11, p_kind: "deposit", p_amount: "50000",
      p_method: "pos", p_receipt_no: `SCOPE-${randomUUID().slice(0, 8)}`, p_subscription_id: sub.id,
    });
    const contract = await ok("consultant1", "create_contract", {
      p_subscription_id: sub.id, p_contract_no: "SCOPE-HT-1",
      p_plan: [{ seq: 1, due_date: "2026-12-01", amount: String(sub.price), kind: "down_payment" }],
    });
    await approveAll(contract.approval_id);
    const signed = await signContract("consultant1", contract.id);
    const commissionId = signed.commission.id as string;

    // The channel manager raises the agency's rate, then tries to approve the commission.
    const coop = await (await as("channel")).from("cooperations").update({ commission_value: 2 })
      .eq("agency_id", ourAgency).eq("project_id", p.projectId).select("terms_changed_by");
    expect(coop.data).toEqual([{ terms_changed_by: uid("channel") }]);
    const e = await refused("channel", "approve_commission", { p_commission_id: commissionId }, "terms_author_cannot_approve");
    expect(e.message).toContain("营销部长");
    // Nobody forges the author column.
    const forged = await (await as("channel")).from("cooperations").update({ terms_changed_by: uid("director"), note: "x" })
      .eq("agency_id", ourAgency).eq("project_id", p.projectId).select("terms_changed_by");
    expect(forged.data).toEqual([{ terms_changed_by: uid("channel") }]);
    await refused("consultant1", "approve_commission", { p_commission_id: commissionId }, "forbidden");
    const approved = await ok("director", "approve_commission", { p_commission_id: commissionId });
    expect(approved).toMatchObject({ status: "approved", approved_by: uid("director") });
  });
});
